namespace ReliefMatch.Spreadsheets;

/// <summary>
/// How an <see cref="XlsxPackageWriter"/> lays out the parts every workbook has (content types, relationships, the
/// workbook and styles parts): the order of the zip entries, the XML declaration, the relationship targets. Both
/// layouts open the same in every spreadsheet program; each is kept because files already written in it are compared
/// byte for byte (the approved outputs, the committed sample extracts).
/// </summary>
public enum XlsxPackageLayout
{
    /// <summary>
    /// As the Open XML SDK writes a package: the workbook, styles and sheets first, relationships and content types
    /// last, absolute targets, every entry compressed fastest. The layout of the outputs.
    /// </summary>
    OpenXmlSdk = 1,

    /// <summary>
    /// As Excel saves a workbook: content types and relationships first, <c>standalone="yes"</c> declarations,
    /// relative targets, UTF-8 entry names. The layout of the sample extracts, which stand in for what a department's
    /// Excel saves.
    /// </summary>
    Excel,
}
