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

    /// <summary>How a job's name reads on the runs page (the name itself, as stored, when unknown).</summary>
    public static string Chinese(string job) => job switch
    {
        ImportInbox => "导入收件目录",
        MonthlyRun => "月度比对",
        MonthlyRunPart => "月度比对（分片）",
        MonthlyRunMerge => "月度比对（合并）",
        EconomicRecheck => "经济状况核对到期名单",
        OverdueList => "经济状况核对逾期名单",
        DibaoSample => "低保新增线上核查抽样",
        _ => job,
    };
}
