namespace ReliefMatch.Readers.Tables;

/// <summary>The two kinds of file a table is read from.</summary>
public enum TableFileKind
{
    Xlsx = 1,
    Csv,
}

/// <summary>
/// What a file handed in as a table is, told by its first bytes, not its name: an XLSX is a zip, a legacy .xls or an
/// encrypted workbook an OLE compound file, UTF-16 text starts with its byte-order mark, and other binary holds a NUL.
/// A name ending .csv or .xlsx must agree with the bytes; one that does not is refused rather than read as the other
/// kind, so that whoever sent it corrects the name. Text is read in UTF-8 (with or without BOM) or GB18030, as
/// <see cref="TextEncodings.Detect"/> tells; text neither decodes is refused, naming the first byte that fails. The one
/// sniffer of departmental extracts (uploaded or dropped) and returned worklists.
/// </summary>
/// <param name="Kind">The kind to read it as; null when the file is refused.</param>
/// <param name="Refusal">Why it is refused, in Chinese for the people who send files (with what to do about it); null when it is not.</param>
public sealed record TableFileFormat(TableFileKind? Kind, string? Refusal = null)
{
    /// <summary>For CSV, how its text is written: <c>UTF-8</c>, <c>UTF-8 (BOM)</c> or <c>GB18030</c>; null otherwise.</summary>
    public string? Encoding { get; private init; }

    /// <summary>For CSV, the decoder of its text (after <see cref="PreambleLength"/> bytes); null otherwise.</summary>
    public System.Text.Encoding? TextEncoding => Encoding switch
    {
        null => null,
        TextEncodings.Gb18030Name => TextEncodings.Gb18030,
        _ => System.Text.Encoding.UTF8,
    };

    /// <summary>The bytes of a byte-order mark before the text (3 for <c>UTF-8 (BOM)</c>).</summary>
    public int PreambleLength => Encoding == TextEncodings.Utf8Bom ? 3 : 0;

    /// <param name="prefix">The file's first bytes (a few suffice to tell the kind; up to <see cref="TextEncodings.SniffLength"/>
    /// are read to tell a CSV's encoding).</param>
    /// <param name="fileName">The name it came under, when known: its extension is held against the bytes.</param>
    /// <param name="wholeFile">Whether <paramref name="prefix"/> is the whole file (a character cut off at its end is then an error).</param>
    public static TableFileFormat Sniff(ReadOnlySpan<byte> prefix, string? fileName, bool wholeFile = true)
    {
        var extension = Path.GetExtension(fileName ?? "");
        if (prefix.StartsWith("PK\u0003\u0004"u8))
        {
            return extension.Equals(".csv", StringComparison.OrdinalIgnoreCase)
                ? new(null, "扩展名是 .csv，内容却是 XLSX 工作簿（zip），请改正扩展名")
                : new(TableFileKind.Xlsx);
        }
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return new(null, "旧版 Excel（.xls）或加密的工作簿，请另存为 .xlsx 或 CSV");
        }
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || prefix.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new(null, "UTF-16 编码的文本，请另存为 UTF-8 或 GB18030 的 CSV");
        }
        if (prefix.Contains((byte)0))
        {
            return new(null, "不是 CSV 或 XLSX 文件");
        }
        if (extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return new(null, "扩展名是 .xlsx，内容却不是 XLSX 工作簿（看来是 CSV 文本），请改正扩展名");
        }
        var encoding = TextEncodings.Detect(prefix, wholeFile);
        if (encoding == TextEncodings.Undecodable)
        {
            var at = TextEncodings.FirstUndecodable(prefix, wholeFile);
            return new(null, $"既不是 UTF-8 也不是 GB18030 编码的文本：第 {at} 字节（从 0 数起）0x{prefix[at]:X2} 两种编码都读不出，请另存为 UTF-8 或 GB18030 的 CSV");
        }
        return new(TableFileKind.Csv) { Encoding = encoding };
    }
}
