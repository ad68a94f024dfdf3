using ReliefMatch.Core.Periods;

namespace ReliefMatch.Host;

/// <summary>
/// China Standard Time, in which the county's dates, months and schedules are reckoned: the one place the host
/// (CLI, jobs, web) turns an instant from the injected clock into a calendar date.
/// </summary>
public static class ChinaTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset Of(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(Of(instant).DateTime);

    public static ReportingMonth MonthOf(DateTimeOffset instant) => ReportingMonth.Of(DateOf(instant));

    /// <summary>Today's calendar date in China.</summary>
    public static DateOnly Today(TimeProvider time) => DateOf(time.GetUtcNow());

    /// <summary>The current month in China: the default stamp of an import.</summary>
    public static ReportingMonth CurrentMonth(TimeProvider time) => MonthOf(time.GetUtcNow());

    /// <summary>An instant Hangfire recorded (UTC, as <see cref="DateTime"/>).</summary>
    public static DateTimeOffset FromUtc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
