namespace ReliefMatch.Storage.Jobs;

/// <summary>One execution of a scheduled job, as the runs page lists it.</summary>
/// <param name="Job">The job's name, e.g. <c>dibao-sample</c>.</param>
/// <param name="Key">What it ran for: a period <c>YYYY-MM</c>.</param>
/// <param name="BackgroundId">Hangfire's job id (the dashboard's #id), when run by Hangfire.</param>
/// <param name="Attempt">1 for the first try, 2 for the first retry, …</param>
/// <param name="Detail">What it did, or why it failed.</param>
public sealed record JobRun(
    long Id,
    string Job,
    string Key,
    string? BackgroundId,
    int Attempt,
    string? Server,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    JobOutcome Outcome,
    string? Detail);
