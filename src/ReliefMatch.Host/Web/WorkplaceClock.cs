using ReliefMatch.Core.Periods;

namespace ReliefMatch.Host.Web;

/// <summary>Dates and times as the county lives them: China Standard Time, from the injected clock.</summary>
public static class WorkplaceClock
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset ChinaTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, China);

    /// <summary>Today's calendar date in China.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(ChinaTime(time.GetUtcNow()).DateTime);

    public static ReportingMonth CurrentMonth(TimeProvider time) => ReportingMonth.Of(Today(time));

    /// <summary>A moment as the pages print it: <c>2023-08-03 10:00</c>, China time.</summary>
    public static string Text(DateTimeOffset at) => ChinaTime(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
