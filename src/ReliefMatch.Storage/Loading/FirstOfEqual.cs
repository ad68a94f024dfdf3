namespace ReliefMatch.Storage.Loading;

/// <summary>
/// Keeps the first of records with equal content, in place. The set holds only positions in the list (the hash
/// code of each is cached by the set), not a copy of each record's content.
/// </summary>
internal static class FirstOfEqual
{
    /// <summary>Removes every record equal in content to an earlier one, keeping the order of the rest.</summary>
    public static void Keep<T>(List<T> records, IEqualityComparer<T> content)
    {
        var seen = new HashSet<int>(records.Count, new PositionComparer<T>(records, content));
        var kept = 0;
        for (var i = 0; i < records.Count; i++)
        {
            // Positions below `kept` are in the set; `kept` itself is not, so it may be overwritten.
            records[kept] = records[i];
            if (seen.Add(kept))
            {
                kept++;
            }
        }
        records.RemoveRange(kept, records.Count - kept);
    }

    private sealed class PositionComparer<T>(List<T> records, IEqualityComparer<T> content) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => content.Equals(records[x], records[y]);

        public int GetHashCode(int obj) => content.GetHashCode(records[obj]!);
    }
}
