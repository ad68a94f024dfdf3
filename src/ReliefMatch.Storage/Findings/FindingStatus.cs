namespace ReliefMatch.Storage.Findings;

/// <summary>Where a stored finding stands.</summary>
public enum FindingStatus
{
    /// <summary>Raised and awaiting (or under) verification.</summary>
    Open = 1,
    /// <summary>The township verified it (e.g. benefits stopped or adjusted).</summary>
    Confirmed,
    /// <summary>A false alarm: stays quiet, and off worklists, until its evidence changes.</summary>
    Dismissed,
    /// <summary>No longer produced by the rules from <see cref="StoredFinding"/>'s closing period on.</summary>
    Closed,
}

/// <summary>The status as stored and printed: <c>open</c>, <c>confirmed</c>, <c>dismissed</c>, <c>closed</c>.</summary>
public static class FindingStatusText
{
    public static string Id(this FindingStatus s) => s switch
    {
        FindingStatus.Open => "open",
        FindingStatus.Confirmed => "confirmed",
        FindingStatus.Dismissed => "dismissed",
        FindingStatus.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, null),
    };

    public static FindingStatus Parse(string text) => text switch
    {
        "open" => FindingStatus.Open,
        "confirmed" => FindingStatus.Confirmed,
        "dismissed" => FindingStatus.Dismissed,
        "closed" => FindingStatus.Closed,
        _ => throw new InvalidDataException($"Unknown stored finding status '{text}'."),
    };
}
