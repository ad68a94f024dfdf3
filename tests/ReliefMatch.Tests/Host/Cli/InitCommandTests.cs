using ReliefMatch.Host.Runs;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Cli;

/// <summary>The home county as installation data: set by <c>init</c> or the first run, read by every command, never assumed.</summary>
[Collection(PostgresCollection.Name)]
public sealed class InitCommandTests(PostgresFixture postgres)
{
    private static readonly string SampleData = Path.Combine(RepositoryRoot.Path, "sample-data");

    /// <summary>No database at all: a command that reaches for one fails on the county before it gets there.</summary>
    private static readonly Dictionary<string, string?> NoDatabase = new() { ["RELIEFMATCH_DB"] = "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=3" };

    [Fact]
    public async Task Init_WritesTheCountyToTheHome_AndImportReadsIt()
    {
        var home = TempFolder.Create("init-home");
        var drop = TempFolder.Create("init-drop");
        try
        {
            var init = await ReliefmatchProcess.RunAsync(NoDatabase, "--home", home, "init", "--county", "450312", "--name", "临桂区");
            Assert.True(init.ExitCode == 0, init.Error);
            Assert.Equal(new Installation("450312", "临桂区"), Installation.Read(home));

            // Setting the same county again is harmless; another one is refused, and the file is left as it was.
            Assert.Equal(0, (await ReliefmatchProcess.RunAsync(NoDatabase, "--home", home, "init", "--county", "450312", "--name", "临桂区")).ExitCode);
            var other = await ReliefmatchProcess.RunAsync(NoDatabase, "--home", home, "init", "--county", "450326", "--name", "永福县");
            Assert.Equal(3, other.ExitCode);
            Assert.Contains("本安装服务 临桂区（450312）", other.Error, StringComparison.Ordinal);
            Assert.Equal(new Installation("450312", "临桂区"), Installation.Read(home));

            // A drop folder naming another county than the home's is refused before anything is imported.
            new Installation("450326", "永福县").Write(drop);
            var import = await ReliefmatchProcess.RunAsync(await postgres.CreateEmptyDatabaseEnvironmentAsync(), "--home", home, "import", "--input", drop);
            Assert.Equal(3, import.ExitCode);
            Assert.Contains(Path.Combine(drop, Installation.FileName), import.Error, StringComparison.Ordinal);
        }
        finally
        {
            TempFolder.Delete(home);
            TempFolder.Delete(drop);
        }
    }

    [Theory]
    [InlineData("import")]
    [InlineData("run")]
    [InlineData("serve")]
    public async Task Command_HomeWithoutCounty_FailsSayingToRunInit(string command)
    {
        var home = TempFolder.Create("init-home");
        var drop = TempFolder.Create("init-drop");
        try
        {
            string[] args = command switch
            {
                "import" => ["--home", home, "import", "--input", drop, "--period", "2023-07"],
                "run" => ["--home", home, "run", "--input", drop, "--period", "2023-07", "--out", Path.Combine(home, "out")],
                _ => ["--home", home, "serve", "--urls", "http://127.0.0.1:0"],
            };

            var result = await ReliefmatchProcess.RunAsync(NoDatabase, args);

            Assert.Equal(3, result.ExitCode);
            Assert.Contains("尚未设定所服务的县", result.Error, StringComparison.Ordinal);
            Assert.Contains("reliefmatch init --county", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
            Assert.Null(Installation.Read(home));
        }
        finally
        {
            TempFolder.Delete(home);
            TempFolder.Delete(drop);
        }
    }

    [Fact]
    public Task Run_FirstCountyWithoutItsName_RefusedAskingForIt() => InAFreshHomeAsync(async home =>
    {
        var result = await ReliefmatchProcess.RunAsync(NoDatabase, "--home", home, "run", "--period", "2023-07", "--out", Path.Combine(home, "out"), "--county", "450312");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("--county-name", result.Error, StringComparison.Ordinal);
        Assert.Null(Installation.Read(home));
    });

    [Fact]
    public Task Run_SampleDataOnAFreshHome_TakesTheSampleCountyAndSaysSo() => InAFreshHomeAsync(async home =>
    {
        var env = await postgres.CreateEmptyDatabaseEnvironmentAsync();

        var result = await ReliefmatchProcess.RunAsync(env, "--home", home, "run", "--input", SampleData, "--period", "2023-07", "--out", Path.Combine(home, "out"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("本安装设为服务 永福县（450326）", result.Error, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(SampleData, Installation.FileName), result.Error, StringComparison.Ordinal);
        Assert.Equal(Installation.OfSample, Installation.Read(home));
    });

    [Fact]
    public Task Run_CountyOnAFreshHome_IsWrittenAndAnotherLaterRefused() => InAFreshHomeAsync(async home =>
    {
        var env = await postgres.CreateEmptyDatabaseEnvironmentAsync();
        var first = await ReliefmatchProcess.RunAsync(env, "--home", home, "run", "--period", "2023-07", "--out", Path.Combine(home, "out"),
            "--county", "450312", "--county-name", "临桂区");
        // The empty database has no extract of the month, so the run itself is refused; the county is written first.
        Assert.True(first.ExitCode == 3, first.Error);
        Assert.Contains("没有标为该月的数据", first.Error, StringComparison.Ordinal);
        Assert.Equal(new Installation("450312", "临桂区"), Installation.Read(home));

        var second = await ReliefmatchProcess.RunAsync(env, "--home", home, "run", "--period", "2023-07", "--out", Path.Combine(home, "out"), "--county", "450326");

        Assert.Equal(3, second.ExitCode);
        Assert.Contains("一个 --home 只服务一个县", second.Error, StringComparison.Ordinal);
    });

    private static async Task InAFreshHomeAsync(Func<string, Task> test)
    {
        var home = TempFolder.Create("init-home");
        try
        {
            await test(home);
        }
        finally
        {
            TempFolder.Delete(home);
        }
    }
}
