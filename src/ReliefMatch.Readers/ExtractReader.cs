using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Sources;
using ReliefMatch.Readers.Headers;
using ReliefMatch.Readers.Rows;
using ReliefMatch.Readers.Tables;

namespace ReliefMatch.Readers;

/// <summary>Opens a departmental extract (CSV in UTF-8/GB18030, or XLSX) of a known source.</summary>
/// <remarks>
/// The format is told by the file's bytes, not its name: an XLSX is a zip, anything else is read as CSV, in UTF-8
/// when it starts with a BOM or its first MiB is valid UTF-8, else in GB18030 (which also reads GBK).
/// </remarks>
public static class ExtractReader
{
    /// <summary>
    /// Detects the format, encoding, sheet and header row; throws <see cref="ExtractRefusedException"/> when the
    /// source's required columns cannot be found. Rows are read lazily by <see cref="ExtractReading.Records"/>.
    /// </summary>
    /// <param name="options">The installation's settings: its home county, and the XLSX limits.</param>
    /// <param name="displayName">The name used in reports and errors, e.g. <c>medical/医保结算_202307.csv</c>;
    /// by default the source id and the file name.</param>
    public static ExtractReading Open(string path, SourceKind source, ExtractReaderOptions options, string? displayName = null) =>
        Open(path, source.Declaration(), options, displayName);

    /// <summary>
    /// As <see cref="Open(string, SourceKind, ExtractReaderOptions, string?)"/>, for the source <paramref name="declaration"/>
    /// declares, with its columns and filters as declared: one of the six by its record builder, any other source by
    /// its declaration alone (records are <see cref="DeclaredRecord"/>s).
    /// </summary>
    public static ExtractReading Open(string path, SourceDeclaration declaration, ExtractReaderOptions options, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(options);
        var layout = SourceLayout.For(declaration);
        var source = layout.Source;
        var file = displayName ?? $"{source.Id}/{Path.GetFileName(path)}";
        var table = OpenTable(path, file, options.Xlsx);
        try
        {
            var search = Guard(file, () => HeaderLocator.Find(table, layout));
            if (!search.Found)
            {
                throw Refused(file, layout, search);
            }
            if (search.Map.Duplicates.Count > 0)
            {
                throw Duplicated(file, search.Map);
            }
            return new ExtractReading(source, file, table, search.Map, search.Row, RecordBuilder.For(source, declaration, options)) { Title = search.Title };
        }
        catch
        {
            table.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Guesses the source of a file from its header row, for uploads where the officer does not say: of the sources
    /// <paramref name="catalog"/> declares (the shipped ones and the county's own), the one whose required columns
    /// the row names, by any of its declared header spellings, and which recognises the most of its columns.
    /// <c>null</c> when no source fits, or when two fit equally well (a file of only 姓名, 身份证号 and 死亡日期
    /// could be either police or health deaths).
    /// </summary>
    /// <exception cref="ExtractRefusedException">The file is not a readable CSV or XLSX.</exception>
    public static SourceRef? Recognise(string path, SourceCatalog catalog, ExtractReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        var layouts = catalog.Sources.Select(SourceLayout.For).ToList();
        var file = Path.GetFileName(path);
        using var table = OpenTable(path, file, options.Xlsx);
        return Guard(file, () =>
        {
            do
            {
                foreach (var head in HeaderLocator.ReadHead(table))
                {
                    SourceRef? best = null;
                    var bestFields = 0;
                    var tie = false;
                    foreach (var layout in layouts)
                    {
                        var map = layout.Match(head.Cells);
                        if (!map.IsHeader || map.FieldsFound < bestFields)
                        {
                            continue;
                        }
                        tie = map.FieldsFound == bestFields;
                        best = layout.Source;
                        bestFields = map.FieldsFound;
                    }
                    if (best is not null)
                    {
                        return tie ? null : best;
                    }
                }
            }
            while (table.NextSheet());
            return (SourceRef?)null;
        });
    }

    private static TableSource OpenTable(string path, string file, XlsxLimits limits)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(TextEncodings.SniffLength);
        try
        {
            int length;
            bool wholeFile;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                length = stream.ReadAtLeast(buffer.AsSpan(0, TextEncodings.SniffLength), TextEncodings.SniffLength, throwOnEndOfStream: false);
                wholeFile = length < TextEncodings.SniffLength || stream.Length == length;
            }
            return OpenTable(path, file, limits, buffer.AsSpan(0, length), wholeFile);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static TableSource OpenTable(string path, string file, XlsxLimits limits, ReadOnlySpan<byte> prefix, bool wholeFile)
    {
        var format = TableFileFormat.Sniff(prefix, path, wholeFile);
        if (format.Refusal is { } refusal)
        {
            throw new ExtractRefusedException(file, refusal, []);
        }
        return format.Kind == TableFileKind.Xlsx
            ? Guard(file, () => new XlsxTableSource(path, file, limits))
            : new CsvTableSource(path, file, format.Encoding!);
    }

    private static ExtractRefusedException Refused(string file, SourceLayout layout, HeaderSearch closest)
    {
        var found = closest.FoundHeaders;
        if (closest.Row == 0)
        {
            return new ExtractRefusedException(file, "文件为空", found);
        }
        var missing = closest.Map.Missing;
        var columns = string.Join("、", missing.Select(alternatives => string.Join("或", alternatives.Select(f => layout.SlotHeaders[f]![0]))));
        var headers = found.Count == 0 ? "无" : string.Join("、", found);
        return new ExtractRefusedException(
            file,
            $"前{HeaderLocator.SearchRows}行中找不到{layout.Source.ChineseName}的必需列：{columns}；找到的表头：{headers}",
            found);
    }

    /// <summary>Two columns under one header of a field: which holds the value cannot be told, so nothing is guessed.</summary>
    private static ExtractRefusedException Duplicated(string file, ColumnMap map)
    {
        var columns = string.Join("；", map.Duplicates.Select(d => $"“{map.Cells[d[0]].Trim()}”在第 {string.Join("、", d.Select(c => c + 1))} 列"));
        return new ExtractRefusedException(file,
            $"表头重复，无法确定用哪一列：{columns}",
            map.Cells.Where(c => c.Length > 0).ToList());
    }

    /// <summary>A workbook that the reader cannot parse is bad input, reported as a refusal of the file.</summary>
    internal static T Guard<T>(string file, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            throw Unreadable(file, e);
        }
    }

    internal static ExtractRefusedException Unreadable(string file, Exception e) =>
        new(file, $"无法读取的文件：{e.Message}", []);

    /// <summary>
    /// What the parsers throw on a damaged file (a zip that is no workbook, a truncated zip, broken XML).
    /// Anything else is a failure of the machine or a bug, and stays an exception.
    /// </summary>
    internal static bool IsUnreadable(Exception e) =>
        e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or System.Xml.XmlException or FormatException;
}
