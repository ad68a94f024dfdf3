namespace ReliefMatch.Core.Sources;

/// <summary>
/// One growing column of a <see cref="DeclaredTable.Builder"/>: an array of one type with a count, grown by doubling.
/// A province loads tens of millions of declared rows; holding each field as an array of its own type instead of a
/// boxed value per cell is what keeps that load small and quick.
/// </summary>
/// <remarks>
/// Rows are compared and hashed by value (<see cref="Same"/>, <see cref="Hash"/>) so that the load's policies can tell
/// equal records apart without building a text key per row.
/// </remarks>
internal abstract class DeclaredColumn
{
    public int Count { get; protected set; }

    /// <summary>A column for values of <paramref name="type"/>, as <see cref="DeclaredTable"/>'s remarks say.</summary>
    public static DeclaredColumn For(FieldType type, int capacity) => type switch
    {
        FieldType.Date => new DeclaredColumn<DateOnly?>(capacity, EqualityComparer<DateOnly?>.Default),
        FieldType.Month => new DeclaredColumn<Periods.ReportingMonth?>(capacity, EqualityComparer<Periods.ReportingMonth?>.Default),
        FieldType.Money or FieldType.Number => new DeclaredColumn<decimal?>(capacity, ExactDecimal.Instance),
        _ => new DeclaredColumn<string?>(capacity, StringComparer.Ordinal),
    };

    /// <summary>Adds a row holding the type's default (null for every declared field's column).</summary>
    public abstract void AddDefault();

    /// <summary>Whether rows <paramref name="a"/> and <paramref name="b"/> hold equal values.</summary>
    public abstract bool Same(int a, int b);

    /// <summary>A hash of row <paramref name="row"/>'s value, equal for rows that are <see cref="Same"/>.</summary>
    public abstract int Hash(int row);

    /// <summary>The value of <paramref name="row"/>, boxed (for evidence and filters, never on the load path).</summary>
    public abstract object? Boxed(int row);

    /// <summary>Appends every row of <paramref name="other"/>, a column of the same type.</summary>
    public abstract void AddRange(DeclaredColumn other);

    /// <summary>Keeps the rows <paramref name="keep"/> marks, in order, and drops the others.</summary>
    public abstract void Retain(bool[] keep);

    /// <summary>Puts the rows in the order <paramref name="order"/> gives (the old index of each new row).</summary>
    public abstract void Reorder(int[] order);

    /// <summary>The values as an array of exactly <see cref="Count"/> entries.</summary>
    public abstract Array ToArray();
}

/// <inheritdoc />
internal sealed class DeclaredColumn<T>(int capacity, IEqualityComparer<T> comparer) : DeclaredColumn
{
    private T[] _items = capacity > 0 ? new T[capacity] : [];

    public T this[int row] => _items[row];

    public void Add(T value)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(16, (int)Math.Min(Array.MaxLength, 2L * _items.Length)));
        }
        _items[Count++] = value;
    }

    /// <summary>Sets the value of the last row added.</summary>
    public void SetLast(T value) => _items[Count - 1] = value;

    public override void AddDefault() => Add(default!);

    public override bool Same(int a, int b) => comparer.Equals(_items[a], _items[b]);

    public override int Hash(int row) => _items[row] is { } value ? comparer.GetHashCode(value) : 0;

    public override object? Boxed(int row) => _items[row];

    public override void AddRange(DeclaredColumn other)
    {
        var from = (DeclaredColumn<T>)other;
        if (Count + from.Count > _items.Length)
        {
            Array.Resize(ref _items, Math.Max(Count + from.Count, (int)Math.Min(Array.MaxLength, 2L * _items.Length)));
        }
        Array.Copy(from._items, 0, _items, Count, from.Count);
        Count += from.Count;
    }

    public override void Retain(bool[] keep)
    {
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            if (keep[i])
            {
                _items[kept++] = _items[i];
            }
        }
        Array.Clear(_items, kept, Count - kept);
        Count = kept;
    }

    public override void Reorder(int[] order)
    {
        var items = new T[_items.Length];
        for (var i = 0; i < Count; i++)
        {
            items[i] = _items[order[i]];
        }
        _items = items;
    }

    public override Array ToArray()
    {
        if (_items.Length != Count)
        {
            Array.Resize(ref _items, Count);
        }
        return _items;
    }
}

/// <summary>
/// Decimals equal when they are the same number written with the same scale and sign: 1.5 and 1.50 differ, as their
/// stored texts do, so that the load's content equality is that of the stored values exactly.
/// </summary>
internal sealed class ExactDecimal : IEqualityComparer<decimal?>
{
    public static readonly ExactDecimal Instance = new();

    public bool Equals(decimal? x, decimal? y) =>
        x is { } a ? y is { } b && a == b && a.Scale == b.Scale && decimal.IsNegative(a) == decimal.IsNegative(b) : y is null;

    public int GetHashCode(decimal? obj) => obj?.GetHashCode() ?? 0;
}
