namespace ReliefMatch.Storage.Jobs;

/// <summary>The names of <see cref="DueListKind"/> in storage, URLs and titles.</summary>
public static class DueListKinds
{
    /// <summary>The stored name (reliefmatch.due_lists.kind), also used in URLs and file names.</summary>
    public static string Id(this DueListKind kind) => kind switch
    {
        DueListKind.EconomicRecheck => "economic-recheck",
        DueListKind.Overdue => "overdue",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The list's title as users see it.</summary>
    public static string Chinese(this DueListKind kind) => kind switch
    {
        DueListKind.EconomicRecheck => "经济状况核对到期名单",
        DueListKind.Overdue => "经济状况核对逾期名单",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? id, out DueListKind kind)
    {
        foreach (var k in Enum.GetValues<DueListKind>())
        {
            if (string.Equals(k.Id(), id, StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
