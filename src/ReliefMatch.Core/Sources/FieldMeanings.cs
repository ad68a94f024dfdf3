namespace ReliefMatch.Core.Sources;

/// <summary>The meanings a declared field may carry (<c>meaning:</c> in a source declaration).</summary>
public static class FieldMeanings
{
    /// <summary>
    /// <c>death-date</c>: a date field saying the person of the row died on that day; the source's rows become deaths
    /// the death rules read when a rule names the source among its death sources (a county's 火化记录).
    /// </summary>
    public const string DeathDate = "death-date";

    public static IReadOnlyList<string> All { get; } = [DeathDate];
}
