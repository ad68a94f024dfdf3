using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ReliefMatch.Tests.Readers.Tables;

/// <summary>
/// Workbooks built to exhaust a reader, crafted with System.IO.Compression: a complete, well-formed XLSX whose one
/// part inflates far beyond what its zip weighs. Built once per test class (the large ones take a second or two).
/// </summary>
public sealed class ZipBombs : IDisposable
{
    /// <summary>The one shared string of <see cref="SharedStringBomb"/>, in bytes (1.5 GB).</summary>
    public const long SharedStringBytes = 1536L << 20;

    /// <summary>The sheet of <see cref="SheetBomb"/>, in bytes (1.1 GB).</summary>
    public const long SheetBytes = 1126L << 20;

    private readonly Lazy<string> sharedStringBomb;
    private readonly Lazy<string> sheetBomb;

    public ZipBombs()
    {
        Directory.CreateDirectory(Folder);
        sharedStringBomb = new(() => Write("shared-string-bomb.xlsx", sheet: HeaderSheet, sharedStrings: s => Repeat(s, SharedStringsHead + "<si><t>", 'A', SharedStringBytes, "</t></si></sst>")));
        sheetBomb = new(() => Write("sheet-bomb.xlsx", sheet: s => RepeatedRows(s, SheetBytes), sharedStrings: null));
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "reliefmatch-bombs-" + Guid.NewGuid().ToString("N"));

    /// <summary>About 1.5 MB whose shared-string table is one string of 1.5 GB.</summary>
    public string SharedStringBomb => sharedStringBomb.Value;

    /// <summary>A few MB whose sheet is 1.1 GB of rows, each a header row's worth of cells.</summary>
    public string SheetBomb => sheetBomb.Value;

    /// <summary>
    /// The shared-string bomb with a directory that lies: both headers of the entry say it unpacks to
    /// <paramref name="declared"/> bytes.
    /// </summary>
    public string Understated(long declared)
    {
        var bytes = File.ReadAllBytes(SharedStringBomb);
        var name = "xl/sharedStrings.xml"u8;
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (bytes.AsSpan(i).StartsWith("PK\u0003\u0004"u8) && bytes.AsSpan(i + 30).StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), (uint)declared);
                patched++;
            }
            else if (bytes.AsSpan(i).StartsWith("PK\u0001\u0002"u8) && bytes.AsSpan(i + 46).StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), (uint)declared);
                patched++;
            }
        }
        Assert.Equal(2, patched);
        var path = Path.Combine(Folder, $"understated-{declared}.xlsx");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A well-formed workbook of one sheet, its parts written by the callers.</summary>
    public string Write(string name, Action<Stream> sheet, Action<Stream>? sharedStrings, int extraEntries = 0)
    {
        var path = Path.Combine(Folder, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Text(zip, "[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>
            """);
        Text(zip, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Text(zip, "xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
            """);
        Text(zip, "xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>
            """);
        using (var s = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open())
        {
            sheet(s);
        }
        if (sharedStrings is not null)
        {
            using var s = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Optimal).Open();
            sharedStrings(s);
        }
        for (var i = 0; i < extraEntries; i++)
        {
            zip.CreateEntry($"docProps/extra{i}.txt");
        }
        return path;
    }

    /// <summary>The start of a shared-string table as Excel writes it (a reader passes over elements of another namespace).</summary>
    public const string SharedStringsHead = """<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">""";

    /// <summary>A sheet whose one row points at shared string 0.</summary>
    public static void HeaderSheet(Stream s) => s.Write("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"""u8);

    /// <summary>Writes <paramref name="head"/>, <paramref name="bytes"/> copies of <paramref name="fill"/>, then <paramref name="tail"/>.</summary>
    public static void Repeat(Stream s, string head, char fill, long bytes, string tail)
    {
        s.Write(Encoding.UTF8.GetBytes(head));
        var block = new byte[1 << 20];
        Array.Fill(block, (byte)fill);
        for (var left = bytes; left > 0; left -= block.Length)
        {
            s.Write(block, 0, (int)Math.Min(left, block.Length));
        }
        s.Write(Encoding.UTF8.GetBytes(tail));
    }

    /// <summary>A sheet of <paramref name="bytes"/> of rows that name a medical extract's required columns.</summary>
    private static void RepeatedRows(Stream s, long bytes)
    {
        s.Write("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"""u8);
        var row = Encoding.UTF8.GetBytes("""<row><c t="inlineStr"><is><t>姓名</t></is></c><c t="inlineStr"><is><t>身份证号</t></is></c><c t="inlineStr"><is><t>结算日期</t></is></c></row>""");
        var block = new byte[(1 << 20) / row.Length * row.Length];
        for (var i = 0; i < block.Length; i += row.Length)
        {
            row.CopyTo(block, i);
        }
        for (var left = bytes; left > 0; left -= block.Length)
        {
            s.Write(block);
        }
        s.Write("</sheetData></worksheet>"u8);
    }

    private static void Text(ZipArchive zip, string name, string text)
    {
        using var s = zip.CreateEntry(name).Open();
        s.Write(Encoding.UTF8.GetBytes(text));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a failing test's path must not hide the failure.
        }
    }
}
