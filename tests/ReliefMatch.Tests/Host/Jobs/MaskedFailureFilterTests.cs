using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Jobs;

[Collection(PostgresCollection.Name)]
public sealed class MaskedFailureFilterTests(PostgresFixture postgres)
{
    [Fact]
    public async Task OnStateElection_FailureQuotingAnId_StoredWithTheIdMasked()
    {
        await using var h = await JobsHarness.StartAsync(postgres);
        h.StartServer("a");
        var client = h.Services.GetRequiredService<IBackgroundJobClient>();

        var job = client.Enqueue<FlakyJobs>(j => j.QuotesAnId("id-" + Guid.NewGuid().ToString("N")));

        Assert.Equal("Failed", await h.WaitForSuccessAsync(job));
        using var connection = h.Storage.GetConnection();
        var stored = string.Join("\n", connection.GetStateData(job).Data.Values);
        Assert.DoesNotContain("45032619800101123X", stored, StringComparison.Ordinal);
        Assert.Contains("row 7: 450326********123X is enrolled twice", stored, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException", stored, StringComparison.Ordinal);
        Assert.Contains("(id_number)=(450326********123X)", stored, StringComparison.Ordinal);
    }
}
