namespace ReliefMatch.Host.Outputs;

/// <summary>Cell texts as every CSV and XLSX output writes them.</summary>
public static class CellText
{
    /// <summary>
    /// Makes a cell inert for spreadsheet programs: a text starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
    /// a tab or a carriage return is prefixed with a single quote, so that a value taken from a departmental
    /// file (a name, an evidence text) can never run as a formula when a worklist is opened or re-saved.
    /// </summary>
    public static string Inert(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
