namespace ReliefMatch.Storage.Accuracy;

/// <summary>A township's stored control list for a month: how it was drawn (seed, size, candidates, roster) and the people drawn.</summary>
public sealed record StoredControlDraw(string Period, string Township, int Seed, string Algorithm, int PerTownship, int Candidates,
    string? RosterPeriod, DateTimeOffset DrawnAt, IReadOnlyList<StoredControlItem> Items);
