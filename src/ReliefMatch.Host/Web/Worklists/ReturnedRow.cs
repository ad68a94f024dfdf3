namespace ReliefMatch.Host.Web.Worklists;

/// <summary>
/// One row of a returned worklist as read: where it is (CSV line or sheet row), its 预警编号 and the four
/// columns the township fills in, as text (a date cell of an XLSX comes as <c>yyyy-MM-dd</c>).
/// </summary>
public sealed record ReturnedRow(int Row, string Reference, string Result, string Remarks, string CheckedBy, string CheckedOn);
