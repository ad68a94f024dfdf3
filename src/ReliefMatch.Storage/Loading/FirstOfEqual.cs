namespace ReliefMatch.Storage.Loading;

/// <summary>
/// Keeps the first of records with equal content while they are read, so duplicates are never kept. The set holds
/// only positions in the kept list (the hash code of each is cached by the set), not a copy of each record's content.
/// </summary>
internal sealed class FirstOfEqual<T>
{
    private readonly List<T> _kept;
    private readonly HashSet<int> _seen;

    public FirstOfEqual(List<T> kept, IEqualityComparer<T> content)
    {
        _kept = kept;
        _seen = new HashSet<int>(kept.Capacity, new PositionComparer(kept, content));
    }

    /// <summary>Appends <paramref name="record"/> unless an equal one is already kept.</summary>
    public void Add(T record)
    {
        _kept.Add(record);
        if (!_seen.Add(_kept.Count - 1))
        {
            _kept.RemoveAt(_kept.Count - 1);
        }
    }

    private sealed class PositionComparer(List<T> kept, IEqualityComparer<T> content) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => content.Equals(kept[x], kept[y]);

        public int GetHashCode(int obj) => content.GetHashCode(kept[obj]!);
    }
}
