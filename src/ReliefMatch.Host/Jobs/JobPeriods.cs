using Hangfire.Server;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Host.Jobs;

/// <summary>
/// The month a scheduled job works on, reckoned from when the scheduler created the job (China Standard
/// Time), not from when a worker gets to it: a retry an hour later, or a delivery after midnight, still works
/// on the same month.
/// </summary>
public static class JobPeriods
{
    /// <summary>The month the job was created in (the clock when called directly).</summary>
    public static ReportingMonth Current(PerformContext? context, TimeProvider time) =>
        ChinaTime.MonthOf(context is null ? time.GetUtcNow() : ChinaTime.FromUtc(context.BackgroundJob.CreatedAt));

    /// <summary>The month before it: what the runs on the 1st are for.</summary>
    public static ReportingMonth Previous(PerformContext? context, TimeProvider time) => Current(context, time).Previous;

    /// <summary>A period argument, checked: a malformed one is a caller's error, not worth a retry.</summary>
    public static ReportingMonth Parse(string period) =>
        ReportingMonth.TryParse(period, out var month) ? month : throw new ArgumentException($"'{period}' is not a period in the form YYYY-MM.", nameof(period));
}
