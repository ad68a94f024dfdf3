namespace ReliefMatch.Core.Findings;

/// <summary>
/// Where a finding stands after the townships have looked at it: still to be checked, confirmed (the
/// benefit is stopped or adjusted), or dismissed as a false alarm (it stays quiet until its evidence changes).
/// </summary>
public enum FindingStatus
{
    Open = 1,
    Confirmed,
    Dismissed,
}

public static class FindingStatusText
{
    /// <summary>The status as written in files and stored: <c>open</c>, <c>confirmed</c>, <c>dismissed</c>.</summary>
    public static string Id(this FindingStatus status) => status switch
    {
        FindingStatus.Open => "open",
        FindingStatus.Confirmed => "confirmed",
        FindingStatus.Dismissed => "dismissed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
