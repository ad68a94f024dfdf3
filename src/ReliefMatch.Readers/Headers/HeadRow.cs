namespace ReliefMatch.Readers.Headers;

/// <summary>One of the first rows of a sheet: its 0-based position, its line or sheet row, and its cells.</summary>
internal sealed record HeadRow(int Index, int Row, string[] Cells);
