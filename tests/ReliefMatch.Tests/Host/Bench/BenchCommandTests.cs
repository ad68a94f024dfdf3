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
}
