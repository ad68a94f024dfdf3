namespace ReliefMatch.Storage.Workplace;

/// <summary>
/// A worklist a township handed back: which file, who uploaded it for which township, and what became of each
/// row. <see cref="Problem"/> is set (and <see cref="Rows"/> empty) when the file as a whole could not be read.
/// </summary>
public sealed record WorklistReturn
{
    public required string Township { get; init; }
    public required string File { get; init; }
    public required string Sha256 { get; init; }
    public required string UserName { get; init; }
    public int RowsRead { get; init; }
    public string? Problem { get; init; }
    public IReadOnlyList<WorklistReturnRow> Rows { get; init; } = [];

    public int Count(ReturnOutcome outcome) => Rows.Count(r => r.Outcome == outcome);
}
