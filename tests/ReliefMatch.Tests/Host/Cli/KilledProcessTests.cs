using ReliefMatch.Host.Runs;
using ReliefMatch.Storage.Cluster;
using ReliefMatch.Tests.Host.Jobs;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Cli;

/// <summary>
/// <c>reliefmatch</c> killed with SIGKILL on a home of its own (its private cluster), then run again: the home
/// still works, no secret is left lying, and no server is left running.
/// </summary>
[Collection(PostgresCollection.Name)]   // one heavy process at a time on a small machine
public sealed class KilledProcessTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> NoDatabase = [];

    private readonly string _root = TempFolder.Create("reliefmatch-killed");

    private string Home => Path.Combine(_root, "home");

    private string Postgres => Path.Combine(Home, "postgres");

    public Task InitializeAsync()
    {
        RosterCsv.Write(Path.Combine(_root, "inbox", "roster", "roster.csv"), [RosterCsv.Line("永福镇", "H1", "张一", TestRecords.IdNumber(1), "2023-07-03")]);
        Installation.OfSample.Write(Path.Combine(_root, "inbox"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await PrivateCluster.StopAsync(Home);
        TempFolder.Delete(_root);
    }

    private Task<ReliefmatchProcess.Result> ImportAsync() =>
        ReliefmatchProcess.RunAsync(NoDatabase, "import", "--input", Path.Combine(_root, "inbox"), "--period", "2023-07", "--home", Home);

    [Fact]
    public async Task Import_KilledWhileCreatingTheCluster_NextCommandWorksAndNoPasswordIsLeftInTheLogs()
    {
        // initdb has begun writing the cluster: the kill lands in the middle of its creation.
        var killed = await ReliefmatchProcess.KillWhenAsync(NoDatabase,
            () => Directory.Exists(Postgres) && Directory.EnumerateFiles(Postgres, "PG_VERSION", SearchOption.AllDirectories).Any(),
            TimeSpan.FromSeconds(60), "import", "--input", Path.Combine(_root, "inbox"), "--period", "2023-07", "--home", Home);
        Assert.True(killed, "the import ended before initdb began");

        var again = await ImportAsync();

        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.False(await PrivateCluster.IsRunningAsync(Home));
        Assert.False(Directory.Exists(Path.Combine(Postgres, "creating")));
        var password = File.ReadAllText(Path.Combine(Postgres, "password")).Trim();
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(Postgres, "password")));
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Postgres, "log"), "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(password, File.ReadAllText(file), StringComparison.Ordinal);
            Assert.NotEqual(".pw", Path.GetExtension(file));
        }
    }

    [Fact]
    public async Task Import_KilledWhileTheServerStarts_TheNextCommandStopsTheServerWhenItEnds()
    {
        var first = await ImportAsync();   // the cluster exists, stopped
        Assert.True(first.ExitCode == 0, first.Output + first.Error);

        var killed = await ReliefmatchProcess.KillWhenAsync(NoDatabase, () => File.Exists(Path.Combine(Postgres, "data", "postmaster.pid")),
            TimeSpan.FromSeconds(60), "import", "--input", Path.Combine(_root, "inbox"), "--period", "2023-07", "--home", Home);
        Assert.True(killed, "the import ended before the server started");

        var again = await ImportAsync();

        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.False(await PrivateCluster.IsRunningAsync(Home), "the server started by the killed process is still running");
    }
}
