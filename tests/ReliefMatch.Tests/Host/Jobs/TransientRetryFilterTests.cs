using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Jobs;

[Collection(PostgresCollection.Name)]
public sealed class TransientRetryFilterTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Filter_DataErrorNotRetried_TransientRetriedThreeTimesAtMost_RecoveredTransientSucceeds()
    {
        await using var h = await JobsHarness.StartAsync(postgres);
        h.StartServer("a");
        var client = h.Services.GetRequiredService<IBackgroundJobClient>();
        var key = Guid.NewGuid().ToString("N");

        var refused = client.Enqueue<FlakyJobs>(j => j.RefusedExtract("refused-" + key));
        var away = client.Enqueue<FlakyJobs>(j => j.DatabaseAlwaysAway("away-" + key));
        var once = client.Enqueue<FlakyJobs>(j => j.DatabaseAwayOnce("once-" + key));

        Assert.Equal("Failed", await h.WaitForSuccessAsync(refused));
        Assert.Equal("Succeeded", await h.WaitForSuccessAsync(once));
        Assert.Equal("Failed", await h.WaitForSuccessAsync(away));
        await Task.Delay(TimeSpan.FromSeconds(1.5));   // a retry, were one scheduled, would be due by now
        Assert.Equal(1, FlakyJobs.Executions["refused-" + key]);
        Assert.Equal(2, FlakyJobs.Executions["once-" + key]);
        Assert.Equal(1 + 3, FlakyJobs.Executions["away-" + key]);
        using var connection = h.Storage.GetConnection();
        Assert.Equal("Failed", connection.GetStateData(refused).Name);
        Assert.Equal("Failed", connection.GetStateData(away).Name);
    }
}
