namespace ReliefMatch.Core.Sanity;

/// <summary>
/// What the sanity checks compare of one stored extract: its header columns as the file spelt them, its counts, the
/// townships it names (snapshot sources) and, per declared date field, how many of its dates fall in each month.
/// </summary>
public sealed record ExtractFigures
{
    /// <summary><c>source/file name</c>, as the import report names it.</summary>
    public required string File { get; init; }

    /// <summary>The header row's cells in file order; null for an extract stored before headers were kept.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    public required int RowsRead { get; init; }

    public required int Rejected { get; init; }

    /// <summary>The townships the records name; null when the source's records name none, or the extract predates this.</summary>
    public IReadOnlySet<string>? Townships { get; init; }

    /// <summary>Per date field, the number of dates in each month (<c>2023-07</c> → 1 204); empty when not known.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> DateMonths { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
}
