namespace ReliefMatch.Core.Identity;

/// <summary>
/// The outcome of reading an ID cell: the normalised text (full-width folded, spaces and Excel prefixes removed,
/// <c>x</c> upper-cased, 15 digits upgraded to 18) and, when valid, the <see cref="ResidentId"/>.
/// </summary>
public readonly record struct ParsedId(string Text, ResidentId? Id, IdProblem Problem, bool UpgradedFrom15 = false)
{
    public bool IsValid => Id.HasValue;

    /// <summary>The join key, or 0 when the ID is not valid.</summary>
    public long Key => Id?.Key ?? 0;

    public static ParsedId Missing { get; } = new("", null, IdProblem.Missing);
}
