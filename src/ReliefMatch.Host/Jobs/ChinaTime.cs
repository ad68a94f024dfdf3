using ReliefMatch.Core.Periods;

namespace ReliefMatch.Host.Jobs;

/// <summary>China Standard Time, in which the county's dates, months and schedules are reckoned.</summary>
public static class ChinaTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public static ReportingMonth MonthOf(DateTimeOffset instant) => ReportingMonth.Of(DateOf(instant));

    /// <summary>An instant Hangfire recorded (UTC, as <see cref="DateTime"/>).</summary>
    public static DateTimeOffset FromUtc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
