using ReliefMatch.Storage.Cluster;

namespace ReliefMatch.Tests.Infrastructure;

/// <summary>
/// A test that runs <c>reliefmatch</c> on a state folder of its own (so its own private cluster): the folder is
/// made for the test, and afterwards a server the test left running is stopped and the folder deleted.
/// </summary>
public abstract class PrivateHomeTest(string prefix) : IAsyncLifetime
{
    /// <summary>The test's folder; the home is its <c>home</c> sub-folder, beside anything else the test writes.</summary>
    protected string Root { get; } = TempFolder.Create(prefix);

    protected string Home => Path.Combine(Root, "home");

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await PrivateCluster.StopAsync(Home);
        TempFolder.Delete(Root);
    }
}
