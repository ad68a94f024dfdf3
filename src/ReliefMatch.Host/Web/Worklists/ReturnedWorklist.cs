namespace ReliefMatch.Host.Web.Worklists;

/// <summary>What reading a returned worklist found: its rows, or why the file could not be read as a worklist.</summary>
public sealed record ReturnedWorklist(IReadOnlyList<ReturnedRow> Rows, string? Problem = null)
{
    public static ReturnedWorklist Unreadable(string problem) => new([], problem);
}
