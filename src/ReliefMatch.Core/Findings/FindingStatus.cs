namespace ReliefMatch.Core.Findings;

/// <summary>
/// Where a finding stands after the townships have looked at it: still to be checked, confirmed (the
/// benefit is stopped or adjusted), dismissed as a false alarm (it stays quiet until its evidence changes), or
/// closed because the rules no longer produce it.
/// </summary>
public enum FindingStatus
{
    /// <summary>Raised and awaiting (or under) verification.</summary>
    Open = 1,
    /// <summary>The township verified it (e.g. benefits stopped or adjusted).</summary>
    Confirmed,
    /// <summary>A false alarm: stays quiet, and off worklists, until its evidence changes.</summary>
    Dismissed,
    /// <summary>No longer produced by the rules (e.g. the person left the roster).</summary>
    Closed,
}

public static class FindingStatusText
{
    /// <summary>The status as written in files and stored: <c>open</c>, <c>confirmed</c>, <c>dismissed</c>, <c>closed</c>.</summary>
    public static string Id(this FindingStatus status) => status switch
    {
        FindingStatus.Open => "open",
        FindingStatus.Confirmed => "confirmed",
        FindingStatus.Dismissed => "dismissed",
        FindingStatus.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static FindingStatus Parse(string text) => text switch
    {
        "open" => FindingStatus.Open,
        "confirmed" => FindingStatus.Confirmed,
        "dismissed" => FindingStatus.Dismissed,
        "closed" => FindingStatus.Closed,
        _ => throw new InvalidDataException($"Unknown finding status '{text}'."),
    };

    /// <summary>How the status reads on pages and worklists.</summary>
    public static string Chinese(this FindingStatus status) => status switch
    {
        FindingStatus.Open => "待核查",
        FindingStatus.Confirmed => "属实",
        FindingStatus.Dismissed => "不属实",
        FindingStatus.Closed => "已关闭",
        _ => status.ToString(),
    };
}
