using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ReliefMatch.Spreadsheets;

/// <summary>
/// Writes an .xlsx package that is the same bytes for the same sheets: the parts every workbook has (content types,
/// relationships, the workbook part with its sheets and print settings, the styles) from the list of sheets, and the
/// worksheet parts as the caller streams them, one after the other. Relationship ids are fixed (the SDK would draw
/// random ones), every zip entry carries the given time (the zip writer would stamp the clock) and no document
/// properties are written (they would carry the creation time), so a package can be compared byte for byte.
/// Every XLSX the program writes, outputs and sample extracts, goes through here; <see cref="XlsxPackageLayout"/>
/// says how the fixed parts are laid out.
/// </summary>
/// <remarks>
/// A worksheet is a stream, not a document object: a sheet of a million rows is written as it is produced and
/// never sits in memory. Sheets are written in the order of the list given; <see cref="Finish"/> completes the package.
/// </remarks>
public sealed class XlsxPackageWriter : IDisposable
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private const string StylesContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    private const string WorksheetContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private const string RelationshipsContentType = "application/vnd.openxmlformats-package.relationships+xml";
    private const string DocumentRelationship = RelationshipsNamespace + "/officeDocument";
    private const string StylesRelationship = RelationshipsNamespace + "/styles";
    private const string WorksheetRelationship = RelationshipsNamespace + "/worksheet";

    private readonly ZipArchive zip;
    private readonly XlsxPackageLayout layout;
    private readonly IReadOnlyList<XlsxSheetEntry> sheets;
    private readonly Stylesheet styles;
    private readonly DateTimeOffset entryTime;
    private int nextSheet;
    private bool finished;

    /// <param name="output">Where the package goes; left open.</param>
    /// <param name="layout">How the fixed parts are laid out.</param>
    /// <param name="sheets">The sheets, in the order of their tabs and of <see cref="OpenSheet"/>.</param>
    /// <param name="styles">The cell formats the sheets' style indices refer to.</param>
    /// <param name="entryTime">The time on every zip entry: fixed, so that the bytes are too.</param>
    public XlsxPackageWriter(Stream output, XlsxPackageLayout layout, IReadOnlyList<XlsxSheetEntry> sheets, Stylesheet styles, DateTimeOffset entryTime)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        ArgumentNullException.ThrowIfNull(styles);
        if (!Enum.IsDefined(layout))
        {
            throw new ArgumentOutOfRangeException(nameof(layout), layout, "unknown package layout");
        }
        this.layout = layout;
        this.sheets = sheets;
        this.styles = styles;
        this.entryTime = entryTime;
        zip = layout == XlsxPackageLayout.Excel
            ? new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8)
            : new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        if (layout == XlsxPackageLayout.Excel)
        {
            WritePackageParts();
            Part("xl/workbook.xml", stream => WriteElement(stream, Workbook()));
            Part("xl/_rels/workbook.xml.rels", stream => WriteText(stream, Relationships(WorkbookRelationships())));
            Part("xl/styles.xml", stream => WriteElement(stream, styles));
        }
        else
        {
            Part("xl/workbook.xml", stream => WriteElement(stream, Workbook()));
            Part("xl/styles.xml", stream => WriteElement(stream, styles));
        }
    }

    /// <summary>Writes a whole package: the fixed parts, then each sheet by <paramref name="writeSheet"/> (index, part).</summary>
    public static void Write(
        Stream output, XlsxPackageLayout layout, IReadOnlyList<XlsxSheetEntry> sheets, Stylesheet styles, DateTimeOffset entryTime, Action<int, Stream> writeSheet)
    {
        ArgumentNullException.ThrowIfNull(writeSheet);
        using var package = new XlsxPackageWriter(output, layout, sheets, styles, entryTime);
        for (var i = 0; i < sheets.Count; i++)
        {
            using var part = package.OpenSheet();
            writeSheet(i, part);
        }
        package.Finish();
    }

    /// <summary>
    /// The part of the next sheet of the list, compressed fastest (a province's worklists are written 0.5 s sooner,
    /// 15 % larger): the caller writes the worksheet XML into it and disposes of it before opening the next.
    /// </summary>
    public Stream OpenSheet()
    {
        if (nextSheet >= sheets.Count)
        {
            throw new InvalidOperationException($"the package lists {sheets.Count} sheet(s); all of them are open already.");
        }
        var entry = zip.CreateEntry(SheetPath(nextSheet++)[1..], CompressionLevel.Fastest);
        entry.LastWriteTime = entryTime;
        return entry.Open();
    }

    /// <summary>Writes what follows the sheets and closes the package. Every listed sheet must have been written.</summary>
    public void Finish()
    {
        if (finished)
        {
            return;
        }
        if (nextSheet != sheets.Count)
        {
            throw new InvalidOperationException($"the package lists {sheets.Count} sheet(s) but {nextSheet} were written.");
        }
        if (layout == XlsxPackageLayout.OpenXmlSdk)
        {
            Part("_rels/.rels", stream => WriteText(stream, Relationships(Relationship(DocumentRelationship, "/xl/workbook.xml", "rId1"))));
            Part("xl/_rels/workbook.xml.rels", stream => WriteText(stream, Relationships(WorkbookRelationships())));
            Part("[Content_Types].xml", stream => WriteText(stream, ContentTypes()));
        }
        finished = true;
        zip.Dispose();
    }

    /// <summary>Closes the package; one not finished is left incomplete (a failed write).</summary>
    public void Dispose() => zip.Dispose();

    private void WritePackageParts()
    {
        Part("[Content_Types].xml", stream => WriteText(stream, ContentTypes()));
        Part("_rels/.rels", stream => WriteText(stream, Relationships(Relationship(DocumentRelationship, "xl/workbook.xml", "rId1"))));
    }

    // Relationship ids: the SDK's layout numbers the styles first, Excel's the sheets first.
    private string SheetId(int index) =>
        "rId" + (layout == XlsxPackageLayout.Excel ? index + 1 : index + 2).ToString(CultureInfo.InvariantCulture);

    private string StylesId => layout == XlsxPackageLayout.Excel ? "rId" + (sheets.Count + 1).ToString(CultureInfo.InvariantCulture) : "rId1";

    private Workbook Workbook()
    {
        var sheetList = new Sheets();
        var definedNames = new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            sheetList.Append(new Sheet { Name = sheet.Name, SheetId = (uint)(i + 1), Id = SheetId(i) });
            var quoted = "'" + sheet.Name.Replace("'", "''", StringComparison.Ordinal) + "'";
            if (sheet.PrintArea is not null)
            {
                definedNames.Append(new DefinedName($"{quoted}!{sheet.PrintArea}") { Name = "_xlnm.Print_Area", LocalSheetId = (uint)i });
            }
            if (sheet.HeaderRows > 0)
            {
                definedNames.Append(new DefinedName($"{quoted}!$1:${sheet.HeaderRows}") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i });
            }
        }
        var workbook = new Workbook(sheetList);
        if (definedNames.HasChildren)
        {
            workbook.Append(definedNames);
        }
        if (layout == XlsxPackageLayout.Excel)
        {
            workbook.AddNamespaceDeclaration("r", RelationshipsNamespace);
        }
        return workbook;
    }

    private string WorkbookRelationships()
    {
        var relationships = new StringBuilder();
        var relative = layout == XlsxPackageLayout.Excel;
        if (!relative)
        {
            relationships.Append(Relationship(StylesRelationship, "/xl/styles.xml", StylesId));
        }
        for (var i = 0; i < sheets.Count; i++)
        {
            relationships.Append(Relationship(WorksheetRelationship, relative ? SheetPath(i)["/xl/".Length..] : SheetPath(i), SheetId(i)));
        }
        if (relative)
        {
            relationships.Append(Relationship(StylesRelationship, "styles.xml", StylesId));
        }
        return relationships.ToString();
    }

    private string ContentTypes()
    {
        var types = new StringBuilder(Declaration).Append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
        if (layout == XlsxPackageLayout.Excel)
        {
            types.Append(Element($"Default Extension=\"rels\" ContentType=\"{RelationshipsContentType}\""))
                .Append(Element("Default Extension=\"xml\" ContentType=\"application/xml\""))
                .Append(Override("/xl/workbook.xml", WorkbookContentType));
            for (var i = 0; i < sheets.Count; i++)
            {
                types.Append(Override(SheetPath(i), WorksheetContentType));
            }
            types.Append(Override("/xl/styles.xml", StylesContentType));
        }
        else
        {
            types.Append(Element($"Default Extension=\"xml\" ContentType=\"{WorkbookContentType}\""))
                .Append(Element($"Default Extension=\"rels\" ContentType=\"{RelationshipsContentType}\""))
                .Append(Override("/xl/styles.xml", StylesContentType));
            for (var i = 0; i < sheets.Count; i++)
            {
                types.Append(Override(SheetPath(i), WorksheetContentType));
            }
        }
        return types.Append("</Types>").ToString();
    }

    private string Override(string part, string contentType) => Element($"Override PartName=\"{part}\" ContentType=\"{contentType}\"");

    private string Relationship(string type, string target, string id) => layout == XlsxPackageLayout.Excel
        ? Element($"Relationship Id=\"{id}\" Type=\"{type}\" Target=\"{target}\"")
        : Element($"Relationship Type=\"{type}\" Target=\"{target}\" Id=\"{id}\"");

    private string Relationships(string relationships) =>
        Declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + relationships + "</Relationships>";

    private string Element(string content) => "<" + content + (layout == XlsxPackageLayout.Excel ? "/>" : " />");

    private string Declaration => layout == XlsxPackageLayout.Excel
        ? "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
        : "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

    private static string SheetPath(int index) => "/xl/worksheets/sheet" + (index + 1).ToString(CultureInfo.InvariantCulture) + ".xml";

    /// <summary>A fixed part: the SDK's layout compresses it fastest like the sheets, Excel's as small as it can.</summary>
    private void Part(string name, Action<Stream> write)
    {
        var entry = zip.CreateEntry(name, layout == XlsxPackageLayout.Excel ? CompressionLevel.Optimal : CompressionLevel.Fastest);
        entry.LastWriteTime = entryTime;
        using var stream = entry.Open();
        write(stream);
    }

    private void WriteElement(Stream stream, OpenXmlElement root)
    {
        // The SDK's own writer: a byte-order mark and a plain declaration; Excel's: no mark, standalone.
        using var writer = layout == XlsxPackageLayout.Excel ? OpenXmlWriter.Create(stream, new UTF8Encoding(false)) : OpenXmlWriter.Create(stream);
        if (layout == XlsxPackageLayout.Excel)
        {
            writer.WriteStartDocument(true);
        }
        else
        {
            writer.WriteStartDocument();
        }
        writer.WriteElement(root);
        writer.Close();
    }

    private static void WriteText(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));
}
