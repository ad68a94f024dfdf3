using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace ReliefMatch.Readers.Tables;

/// <summary>
/// Checks an XLSX against <see cref="XlsxLimits"/> before any parser sees it, so that a workbook built to inflate
/// to GB is refused having cost a few KB of memory: first the zip's own directory (how many entries, each entry's
/// unpacked size and inflate ratio, their total), then the XML parts themselves, inflated as a stream through a
/// small buffer, since a directory can lie. The stream pass counts what actually comes out (never more than the
/// limit), and finds any run of text longer than a cell may hold: a string that a parser would otherwise build
/// whole before anyone could look at its length.
/// </summary>
/// <remarks>
/// Text is measured as the bytes between two <c>&lt;</c>, which is exact for the XML that spreadsheet programs
/// write; comments, CDATA sections and document type declarations (where a <c>&lt;</c> may stand inside text) are
/// never written by them and are refused, as is a processing instruction after the XML declaration.
/// </remarks>
public static class XlsxPackage
{
    private const string SharedStrings = "xl/sharedStrings.xml";
    private const string Worksheets = "xl/worksheets/";
    private const int EndOfDirectoryLength = 22;

    /// <summary>The reason the workbook is refused (in Chinese), or <c>null</c> when it is within the limits.</summary>
    /// <param name="stream">The whole file, seekable; its position is left at the start.</param>
    /// <exception cref="InvalidDataException">The file is no zip (or a broken one).</exception>
    public static string? Problem(Stream stream, XlsxLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            if (EntryCount(stream) is { } count && count > limits.MaxEntries)
            {
                return Invariant($"工作簿内含 {count} 个文件，超过上限 {limits.MaxEntries} 个");
            }
            stream.Position = 0;
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            return DirectoryProblem(zip, limits) ?? ContentProblem(zip, limits);
        }
        finally
        {
            stream.Position = 0;
        }
    }

    /// <summary>The entry's size limit: a worksheet's, the shared strings', or any other part's.</summary>
    private static long Limit(ZipArchiveEntry entry, XlsxLimits limits) =>
        entry.FullName.Equals(SharedStrings, StringComparison.OrdinalIgnoreCase) ? limits.MaxSharedStringsBytes
        : entry.FullName.StartsWith(Worksheets, StringComparison.OrdinalIgnoreCase) ? limits.MaxSheetBytes
        : limits.MaxPartBytes;

    private static string? DirectoryProblem(ZipArchive zip, XlsxLimits limits)
    {
        if (zip.Entries.Count > limits.MaxEntries)
        {
            return Invariant($"工作簿内含 {zip.Entries.Count} 个文件，超过上限 {limits.MaxEntries} 个");
        }
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            var limit = Limit(entry, limits);
            if (entry.Length > limit)
            {
                return TooLarge(entry.FullName, entry.Length, limit);
            }
            if (entry.Length > limits.GraceEntryBytes && entry.Length > entry.CompressedLength * (long)limits.MaxInflateRatio)
            {
                var ratio = entry.CompressedLength == 0 ? "∞" : (entry.Length / entry.CompressedLength).ToString(CultureInfo.InvariantCulture);
                return Invariant($"工作簿中的 {entry.FullName} 由 {entry.CompressedLength} 字节解压为 {entry.Length} 字节（1:{ratio}），超过上限 1:{limits.MaxInflateRatio}，疑为压缩炸弹");
            }
            total += entry.Length;
            if (total > limits.MaxTotalBytes)
            {
                return Invariant($"工作簿解压后超过 {limits.MaxTotalBytes} 字节的上限");
            }
        }
        return null;
    }

    private static string? ContentProblem(ZipArchive zip, XlsxLimits limits)
    {
        // A cell of MaxCellCharacters characters takes at most 4 bytes a character, so a longer run is no cell.
        var maxRun = 4L * limits.MaxCellCharacters;
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                {
                    using var content = entry.Open();
                    if (Scan(entry.FullName, content, buffer, Limit(entry, limits), maxRun, limits.MaxCellCharacters) is { } problem)
                    {
                        return problem;
                    }
                }
            }
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string? Scan(string name, Stream content, byte[] buffer, long limit, long maxRun, int maxCharacters)
    {
        long read = 0;
        long run = 0;
        var afterAngle = false;
        byte last = 0;
        int n;
        while ((n = content.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = read;
            read += n;
            if (read > limit)
            {
                return TooLarge(name, read, limit);
            }
            var span = buffer.AsSpan(0, n);
            var end = span.TrimEnd(" \t\r\n"u8);
            if (!end.IsEmpty)
            {
                last = end[^1];
            }
            var offset = 0;
            while (true)
            {
                if (afterAngle)
                {
                    afterAngle = false;
                    // "<!" opens a comment, CDATA or DOCTYPE; "<?" after the start a processing instruction.
                    if (span[offset] == (byte)'!' || span[offset] == (byte)'?' && start + offset > 4)
                    {
                        return Invariant($"工作簿中的 {name} 含有 XML 注释、CDATA 或声明，不是电子表格程序保存的文件");
                    }
                }
                var next = span[offset..].IndexOf((byte)'<');
                if (next < 0)
                {
                    run += span.Length - offset;
                    break;
                }
                run += next;
                if (run > maxRun)
                {
                    break;
                }
                run = 0;
                offset += next + 1;
                afterAngle = true;
                if (offset == span.Length)
                {
                    break;
                }
            }
            if (run > maxRun)
            {
                return Invariant($"工作簿中的 {name} 含有超过 {maxRun} 字节的一段文本，单元格最多 {maxCharacters} 个字符");
            }
        }
        // Inflating stops where the directory says the entry ends; XML cut off there was not what the zip holds.
        if (read > 0 && last != (byte)'>')
        {
            return Invariant($"工作簿中的 {name} 在 {read} 字节处中断，文件已损坏或被篡改");
        }
        return null;
    }

    /// <summary>The number of entries the zip's end-of-directory record declares (ZIP64 too), or <c>null</c> when there is none.</summary>
    private static long? EntryCount(Stream stream)
    {
        var length = stream.Length;
        if (length < EndOfDirectoryLength)
        {
            return null;
        }
        var tail = new byte[(int)Math.Min(length, EndOfDirectoryLength + ushort.MaxValue)];
        stream.Position = length - tail.Length;
        stream.ReadExactly(tail);
        var at = tail.AsSpan().LastIndexOf("PK\u0005\u0006"u8);
        if (at < 0 || at + EndOfDirectoryLength > tail.Length)
        {
            return null;
        }
        var entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
        if (entries != ushort.MaxValue)
        {
            return entries;
        }
        // ZIP64: the locator just before the record says where the ZIP64 end-of-directory record is.
        var locator = at - 20;
        if (locator < 0 || !tail.AsSpan(locator).StartsWith("PK\u0006\u0007"u8))
        {
            return null;
        }
        var record = BinaryPrimitives.ReadInt64LittleEndian(tail.AsSpan(locator + 8));
        if (record < 0 || record > length - 56)
        {
            return null;
        }
        Span<byte> zip64 = stackalloc byte[56];
        stream.Position = record;
        stream.ReadExactly(zip64);
        return zip64.StartsWith("PK\u0006\u0006"u8) ? BinaryPrimitives.ReadInt64LittleEndian(zip64[32..]) : null;
    }

    private static string TooLarge(string name, long size, long limit) =>
        Invariant($"工作簿中的 {name} 解压后超过 {limit} 字节的上限（至少 {size} 字节）");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
