namespace ReliefMatch.Readers.Tables;

/// <summary>Why a row cannot be read as the file says it is written (bytes its encoding does not decode), and in which column.</summary>
internal readonly record struct RowFault(int Column, string Reason);
