using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Sources;

/// <summary>
/// A row filter of a source declaration: a row whose <see cref="Field"/> holds none of <see cref="Keep"/> is not
/// a record the rules use. Such a row is passed over, not refused: it is what the department sent, and nothing
/// is wrong with it (a police cancellation for 迁出 is no death).
/// </summary>
public sealed record RowFilter
{
    public required string Field { get; init; }

    /// <summary>The values (trimmed, ordinal) that let a row through; empty when <see cref="KeepCodeList"/> names them.</summary>
    public required IReadOnlyList<string> Keep { get; init; }

    /// <summary>
    /// A shipped code list (<see cref="CodeLists.Known"/>) whose every spelling lets a row through, besides
    /// <see cref="Keep"/>; null when the filter lists its values. A payment file keeps the items of the roster's 救助类别
    /// without repeating that list's spellings.
    /// </summary>
    public string? KeepCodeList { get; init; }

    /// <summary>Whether rows of a file without the column pass (police files without 注销原因 list deaths only).</summary>
    public bool KeepWhenAbsent { get; init; }

    /// <summary>What becomes of a row that does not pass.</summary>
    public RowFilterEffect Otherwise { get; init; } = RowFilterEffect.Skip;

    /// <summary>Whether a row whose cell holds <paramref name="value"/> passes (<c>null</c>: the file has no such column).</summary>
    public bool Passes(string? value, bool columnPresent) =>
        columnPresent
            ? value is not null && (Keep.Contains(value.Trim(), StringComparer.Ordinal) || (KeepCodeList is { } list && CodeLists.IsSpelling(list, value)))
            : KeepWhenAbsent;
}

/// <summary>What a row filter does with a row that does not pass.</summary>
public enum RowFilterEffect
{
    /// <summary><c>skip</c>: counted as skipped in the import report and not stored.</summary>
    Skip = 1,

    /// <summary>
    /// <c>keep-as-non-evidence</c>: accepted and stored (the report counts what the file held) but marked so that no
    /// rule takes it as evidence.
    /// </summary>
    KeepAsNonEvidence,
}
