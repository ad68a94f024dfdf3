namespace ReliefMatch.Storage.Workplace;

/// <summary>The actions the audit log records (<see cref="AuditEntry.Action"/>).</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    /// <summary>A page or file refused (403) to a signed-in user: the method and path asked for.</summary>
    public const string AccessDenied = "access-denied";
    /// <summary>A township worklist downloaded (XLSX or CSV).</summary>
    public const string DownloadWorklist = "download-worklist";
    /// <summary>The 统计表 downloaded.</summary>
    public const string DownloadStatistics = "download-statistics";
    /// <summary>Full ID numbers shown on a page.</summary>
    public const string RevealIds = "reveal-ids";
    public const string UploadExtract = "upload-extract";
    public const string ReturnWorklist = "return-worklist";
    /// <summary>The monthly sample of new 低保 households downloaded.</summary>
    public const string DownloadSample = "download-sample";
    /// <summary>An economic re-check due list or overdue list downloaded.</summary>
    public const string DownloadDueList = "download-due-list";
    /// <summary>A township's 统计表 entries of a month saved.</summary>
    public const string EnterStatistics = "enter-statistics";
    /// <summary>A workplace account added by a county officer on the users page.</summary>
    public const string AddUser = "add-user";
    /// <summary>A monthly run of a month asked for from its month page (queued, or refused with the reason).</summary>
    public const string QueueRun = "queue-run";
    /// <summary>A month's 统计表 published (上报) as its next version.</summary>
    public const string PublishStatistics = "publish-statistics";
    /// <summary>The month of a file that stated none confirmed, and the file imported with it.</summary>
    public const string ConfirmMonth = "confirm-month";

    /// <summary>A finding's 核查结果 entered on the township's page.</summary>
    public const string RecordOutcome = "record-outcome";
    /// <summary>The county's 核查结果 of a household of the 低保 online review sample recorded.</summary>
    public const string ReviewSample = "review-sample";

    /// <summary>A monthly run started (by the scheduled job, the command line or the workplace): the month and the run's number.</summary>
    public const string RunMonth = "run-month";
    /// <summary>A job run at once or queued again from the jobs dashboard: which jobs.</summary>
    public const string TriggerJob = "trigger-job";
    /// <summary>Any other change made on the jobs dashboard (a job deleted, a recurring job removed…): what and which jobs.</summary>
    public const string JobsDashboard = "jobs-dashboard";
    /// <summary>The findings of a search exported as a workbook.</summary>
    public const string ExportFindings = "export-findings";
    /// <summary>A township's 对照抽查名单 downloaded.</summary>
    public const string DownloadControlList = "download-control-list";
    /// <summary>A changed rule file replayed against a month already run (nothing published): the rule, its version and what would change.</summary>
    public const string ReplayRule = "replay-rule";
    /// <summary>A rule version published into the installation's rule folder: the rule and its versions before and after.</summary>
    public const string PublishRule = "publish-rule";

    /// <summary>Every action, in the order the audit page's filter lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        SignIn, SignInFailed, SignOut, AccessDenied, DownloadWorklist, DownloadStatistics, RevealIds, UploadExtract, ReturnWorklist,
        DownloadSample, DownloadDueList, EnterStatistics, QueueRun, RunMonth, TriggerJob, JobsDashboard, ExportFindings,
        PublishStatistics, ConfirmMonth, RecordOutcome, ReviewSample, AddUser, DownloadControlList, ReplayRule, PublishRule,
    ];

    /// <summary>How an action reads on the audit page.</summary>
    public static string Chinese(string action) => action switch
    {
        SignIn => "登录",
        SignInFailed => "登录失败",
        SignOut => "退出",
        AccessDenied => "拒绝访问",
        DownloadWorklist => "下载核查清单",
        DownloadStatistics => "下载统计表",
        RevealIds => "查看完整身份证号",
        UploadExtract => "上传比对数据",
        ReturnWorklist => "上传核查结果",
        DownloadSample => "下载低保抽样",
        DownloadDueList => "下载核对名单",
        EnterStatistics => "填报统计表",
        RunMonth => "比对运行",
        TriggerJob => "手动触发任务",
        JobsDashboard => "任务面板操作",
        ExportFindings => "导出预警",
        QueueRun => "发起月度比对",
        PublishStatistics => "上报统计表",
        ConfirmMonth => "确认文件月份",
        RecordOutcome => "登记核查结果",
        ReviewSample => "登记抽样核查结果",
        AddUser => "添加用户",
        DownloadControlList => "下载对照抽查名单",
        ReplayRule => "规则试算",
        PublishRule => "发布规则版本",
        _ => action,
    };
}
