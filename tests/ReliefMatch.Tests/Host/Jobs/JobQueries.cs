using Microsoft.Extensions.DependencyInjection;
using ReliefMatch.Storage.Jobs;
using ReliefMatch.Tests.Storage;

namespace ReliefMatch.Tests.Host.Jobs;

/// <summary>What the job tests read back from the database.</summary>
internal static class JobQueries
{
    /// <summary>The stored draws of a period without ids and times: equal for two databases that hold the same draw.</summary>
    public static Task<string> DrawsAsync(JobsHarness h, string period) => StorageTestDb.DumpAsync(h.Database.DataSource, $"""
        SELECT d.period, d.township, d.seed, d.algorithm, d.fraction, d.candidates, d.selected, d.candidates_sha256, d.roster_period,
               i.rank, i.household_id, i.county_code, i.village, i.head_name, i.head_id_number, i.programme, i.approved_on, i.members
        FROM reliefmatch.sample_draws d LEFT JOIN reliefmatch.sample_draw_items i ON i.draw_id = d.id WHERE d.period = '{period}'
        """);

    public static async Task<IReadOnlyList<JobRun>> RunsAsync(JobsHarness h, string job) =>
        (await h.Services.GetRequiredService<JobRunStore>().ListAsync(1000, job)).Reverse().ToList();
}
