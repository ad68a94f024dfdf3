using ReliefMatch.Core.Periods;

namespace ReliefMatch.Host.Web;

/// <summary>The workplace's URLs, built in one place (township names are escaped: they are Chinese).</summary>
public static class Links
{
    public static string Township(string township, ReportingMonth? period = null, bool fullIds = false) =>
        $"/townships/{Uri.EscapeDataString(township)}" + Query(("period", period?.ToString()), ("full", fullIds ? "1" : null));

    public static string Worklist(string township, ReportingMonth period, string extension, bool fullIds = false) =>
        $"/townships/{Uri.EscapeDataString(township)}/worklist/{period}.{extension}" + Query(("full", fullIds ? "1" : null));

    /// <summary>A township's 对照抽查名单 of a month as XLSX.</summary>
    public static string ControlList(string township, ReportingMonth period, bool fullIds = false) =>
        $"/townships/{Uri.EscapeDataString(township)}/control-list/{period}.xlsx" + Query(("full", fullIds ? "1" : null));

    /// <summary>The county's page of each rule's measured accuracy.</summary>
    public static string Accuracy(ReportingMonth? period = null) => "/county/accuracy" + Query(("period", period?.ToString()));

    public static string Returns(string township) => $"/townships/{Uri.EscapeDataString(township)}/returns";

    /// <summary>Where a township's 统计表 entries of a month are posted.</summary>
    public static string Entries(string township, ReportingMonth period) => $"/townships/{Uri.EscapeDataString(township)}/entries/{period}";

    /// <summary>Where one outcome entered on a township's page is posted (the month in the query, as the page has it).</summary>
    public static string Outcomes(string township, ReportingMonth period) =>
        $"/townships/{Uri.EscapeDataString(township)}/outcomes" + Query(("period", period.ToString()));

    public static string Return(string township, long id) => $"{Returns(township)}/{id}";

    public static string County(ReportingMonth? period = null) => "/county" + Query(("period", period?.ToString()));

    public static string Statistics(ReportingMonth? period = null) => "/county/statistics" + Query(("period", period?.ToString()));

    public static string StatisticsFile(ReportingMonth period) => $"/county/statistics/{period}.xlsx";

    /// <summary>A finding's page, by its 预警编号.</summary>
    /// <summary>A finding's page; with <paramref name="period"/>, viewed for that month (its rule version then, its money to recover then).</summary>
    public static string Finding(string reference, bool fullIds = false, ReportingMonth? period = null) =>
        $"/findings/{Uri.EscapeDataString(reference)}" + Query(("period", period?.ToString()), ("full", fullIds ? "1" : null));

    /// <summary>The county's month page (<c>/county/months/2023-07</c>), or the list of months.</summary>
    public static string Month(ReportingMonth? period = null) => "/county/months" + (period is { } p ? "/" + p.ToString() : "");

    public static string StatisticsJson(ReportingMonth period) => $"/county/statistics/{period}.json";

    public static string Import(long id, bool fullIds = false) => $"/county/imports/{id}" + Query(("full", fullIds ? "1" : null));

    /// <summary>A query string of the parameters that have a value (empty when none).</summary>
    public static string Query(params (string Name, string? Value)[] parameters)
    {
        var parts = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
