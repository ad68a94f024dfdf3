using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Web.Accounts;
using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>What pages read from the request the same way: the month, whether full IDs are asked for, and how an ID is shown.</summary>
public static class PageInput
{
    /// <summary>The <c>period</c> of the query when it is a month; else the latest month with findings or runs; else this month.</summary>
    public static async Task<(ReportingMonth Period, IReadOnlyList<ReportingMonth> Known)> PeriodAsync(HttpContext context)
    {
        var known = await context.RequestServices.GetRequiredService<FindingQueries>().PeriodsAsync(context.RequestAborted);
        if (ReportingMonth.TryParse(context.Request.Query["period"].ToString(), out var asked))
        {
            return (asked, known);
        }
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        return (known.Count > 0 ? known[0] : WorkplaceClock.CurrentMonth(time), known);
    }

    /// <summary>Whether the query asks for full ID numbers (<c>full=1</c>).</summary>
    public static bool WantsFullIds(HttpContext context) => context.Request.Query["full"] == "1";

    /// <summary>
    /// Full IDs are the county's only: a township user asking for them is refused (the caller answers 403), not
    /// silently given masked ones.
    /// </summary>
    public static bool FullIdsRefused(HttpContext context) => WantsFullIds(context) && !context.User.IsCounty();

    /// <summary>An ID as a page shows it: masked (first 6 and last 4) unless full IDs were asked for by the county.</summary>
    public static string Id(string idNumber, bool full) => full ? idNumber : ResidentId.Mask(idNumber);

    /// <summary>A value of a rejected row: every ID in it masked (<see cref="IdText.MaskIds"/>), unless full.</summary>
    public static string Value(string value, bool full) => full ? value : IdText.MaskIds(value);

    /// <summary>Whether showing <paramref name="value"/> in full reveals an ID (so a reveal link is offered, and audited).</summary>
    public static bool LooksLikeId(string value) => IdText.HasIds(value);
}
