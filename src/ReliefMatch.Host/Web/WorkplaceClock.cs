using ReliefMatch.Core.Periods;

namespace ReliefMatch.Host.Web;

/// <summary>Dates and times as the pages show them: China Standard Time, from the injected clock.</summary>
public static class WorkplaceClock
{
    public static DateTimeOffset ChinaTime(DateTimeOffset at) => global::ReliefMatch.Host.ChinaTime.Of(at);

    /// <summary>Today's calendar date in China.</summary>
    public static DateOnly Today(TimeProvider time) => global::ReliefMatch.Host.ChinaTime.Today(time);

    public static ReportingMonth CurrentMonth(TimeProvider time) => global::ReliefMatch.Host.ChinaTime.CurrentMonth(time);

    /// <summary>A moment as the pages print it: <c>2023-08-03 10:00</c>, China time.</summary>
    public static string Text(DateTimeOffset at) => ChinaTime(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
