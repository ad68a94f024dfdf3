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
        AddUser => "添加用户",
        _ => action,
    };
}
