namespace ReliefMatch.Core.Statistics;

/// <summary>
/// What a township entered on its month page for the cells no source can count (docs/statistics.md): the date of the
/// deployment meeting and the five counts of the conduct campaign, by json key (<see cref="SheetCells.EnteredCounts"/>).
/// A key that is absent was not entered, and its cell stays blank.
/// </summary>
public sealed record TownshipEntries(DateOnly? MeetingOn, IReadOnlyDictionary<string, int> Counts)
{
    public static TownshipEntries None { get; } = new(null, new Dictionary<string, int>(StringComparer.Ordinal));
}
