using ReliefMatch.Core.Periods;
using ReliefMatch.Storage.Jobs;

namespace ReliefMatch.Host.Jobs;

/// <summary>File names and content types of the downloads, as a browser should save them.</summary>
public static class DownloadNames
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>E.g. <c>经济状况核对逾期名单-2023-07.xlsx</c>; <paramref name="extension"/> is <c>.csv</c> or <c>.xlsx</c>.</summary>
    public static string DueList(DueListKind kind, ReportingMonth key, string extension) => $"{kind.Chinese()}-{key}{extension}";

    /// <summary>E.g. <c>低保新增线上核查抽样-2023-07.csv</c>.</summary>
    public static string SampleDraw(ReportingMonth period, string extension) => $"低保新增线上核查抽样-{period}{extension}";
}
