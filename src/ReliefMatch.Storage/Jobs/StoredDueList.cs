using ReliefMatch.Core.Checks;

namespace ReliefMatch.Storage.Jobs;

/// <summary>A stored due list with its households in list order.</summary>
public sealed record StoredDueList(DueListSummary Summary, IReadOnlyList<RecheckDue> Items);
