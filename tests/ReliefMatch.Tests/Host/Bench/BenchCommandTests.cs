using ReliefMatch.Host.Bench;
using ReliefMatch.Host.Cli;
using ReliefMatch.Host.Runs;

namespace ReliefMatch.Tests.Host.Bench;

public sealed class BenchCommandTests
{
    [Fact]
    public void Parse_CommaSeparatedHouseholds_GivesEverySize()
    {
        var parse = BenchCommand.Create(TimeProvider.System).Parse("--households 10000,100_000 --plain false");

        Assert.Empty(parse.Errors);
        Assert.Equal([10_000, 100_000], parse.GetValue<int[]>("--households")!);
        Assert.False(parse.GetValue<bool>("--plain"));
    }

    [Fact]
    public void Parse_NoOptions_CountyAndProvinceInPlainCsv()
    {
        var parse = BenchCommand.Create(TimeProvider.System).Parse("");

        Assert.Empty(parse.Errors);
        Assert.Equal([10_000, 1_000_000], parse.GetValue<int[]>("--households")!);
        Assert.True(parse.GetValue<bool>("--plain"));
    }

    [Fact]
    public void Parse_SizeBeyondTheGenerator_IsAnError()
    {
        var parse = BenchCommand.Create(TimeProvider.System).Parse("--households 10000,3000000");

        Assert.Contains(parse.Errors, e => e.Message.Contains("3000000", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WithPeers_AcceptsAPeerByNameAndRefusesOthers()
    {
        var peers = new Dictionary<string, Func<IBenchPeer>>(StringComparer.Ordinal) { ["duckdb"] = () => throw new InvalidOperationException("not run") };
        var command = BenchCommand.Create(TimeProvider.System, peers);

        var parse = command.Parse("--households 200000 --peer duckdb --alternations 3");
        Assert.Empty(parse.Errors);
        Assert.Equal("duckdb", parse.GetValue<string?>("--peer"));
        Assert.Equal(3, parse.GetValue<int?>("--alternations"));
        Assert.NotEmpty(command.Parse("--peer sqlite").Errors);
        // The program's own bench has no peer to offer.
        Assert.NotEmpty(BenchCommand.Create(TimeProvider.System).Parse("--peer duckdb").Errors);
    }

    [Fact]
    public void Parse_Sources_AllByDefaultOriginalOnRequestOthersRefused()
    {
        var command = BenchCommand.Create(TimeProvider.System);

        Assert.Equal("all", command.Parse("").GetValue<string>("--sources"));
        var original = command.Parse("--households 200000 --sources original");
        Assert.Empty(original.Errors);
        Assert.Equal("original", original.GetValue<string>("--sources"));
        Assert.NotEmpty(command.Parse("--sources six").Errors);
    }
}
