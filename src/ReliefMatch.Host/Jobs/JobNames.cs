namespace ReliefMatch.Host.Jobs;

/// <summary>The jobs' names: the recurring job ids in the dashboard and the job column of reliefmatch.job_runs.</summary>
public static class JobNames
{
    /// <summary>Imports the drop folder every 10 minutes, and right after an upload.</summary>
    public const string ImportInbox = "import-inbox";

    /// <summary>The monthly run for the previous month, on the 1st at 02:00.</summary>
    public const string MonthlyRun = "monthly-run";

    /// <summary>One part of a monthly run split by resident ID (not scheduled: enqueued by the run it belongs to).</summary>
    public const string MonthlyRunPart = "monthly-run-part";

    /// <summary>The merge of a split monthly run's parts (enqueued by the last part to finish).</summary>
    public const string MonthlyRunMerge = "monthly-run-merge";

    /// <summary>The economic re-check due list, on 1 January and 1 July at 03:00.</summary>
    public const string EconomicRecheck = "economic-recheck";

    /// <summary>The households overdue for their economic re-check at the end of the previous month, on the 1st at 03:30.</summary>
    public const string OverdueList = "overdue-list";

    /// <summary>The sample of the previous month's new 低保 approvals, on the 1st at 03:00.</summary>
    public const string DibaoSample = "dibao-sample";

    public static IReadOnlyList<string> All { get; } = [ImportInbox, MonthlyRun, EconomicRecheck, OverdueList, DibaoSample];
}
