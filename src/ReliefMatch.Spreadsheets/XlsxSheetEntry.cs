namespace ReliefMatch.Spreadsheets;

/// <summary>
/// A sheet as the workbook part lists it: its tab name and the print settings Excel keeps as defined names.
/// </summary>
/// <param name="Name">The sheet's tab name.</param>
/// <param name="PrintArea">The printed range, e.g. <c>$A$1:$G$7</c>; null prints everything.</param>
/// <param name="HeaderRows">Rows repeated at the top of every printed page; 0 for none.</param>
public sealed record XlsxSheetEntry(string Name, string? PrintArea = null, int HeaderRows = 0);
