namespace ReliefMatch.Storage.Jobs;

/// <summary>How an execution of a job ended (reliefmatch.job_runs.outcome).</summary>
public enum JobOutcome
{
    /// <summary>Under way (or died without a word: see <see cref="Abandoned"/>).</summary>
    Running,
    Succeeded,
    Failed,
    /// <summary>Stopped by a shutdown or a deletion; the scheduler runs it again.</summary>
    Cancelled,
    /// <summary>Found still running by a later execution of the same job: its process died mid-way.</summary>
    Abandoned,
    /// <summary>Declined with a reason and nothing done (a monthly run of a month no extract is stamped for); not retried.</summary>
    Refused,
}
