namespace ReliefMatch.Storage.Workplace;

/// <summary>A stored returned worklist with its counts, as the history lists it.</summary>
public sealed record WorklistReturnSummary
{
    public required long Id { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string UserName { get; init; }
    public required string Township { get; init; }
    public required string File { get; init; }
    public int RowsRead { get; init; }
    public int Confirmed { get; init; }
    public int Dismissed { get; init; }
    public int Unchanged { get; init; }
    public int Blank { get; init; }
    public int Refused { get; init; }
    public string? Problem { get; init; }
}
