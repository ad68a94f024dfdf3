using System.Text;

namespace ReliefMatch.Readers.Tables;

/// <summary>The encodings of CSV extracts: UTF-8 (with or without BOM) and GB18030, which reads GBK and GB2312 too.</summary>
internal static class TextEncodings
{
    public const string Utf8 = "UTF-8";
    public const string Utf8Bom = "UTF-8 (BOM)";
    public const string Gb18030Name = "GB18030";
    public const string Xlsx = "XLSX";

    /// <summary>How much of a file is checked for being valid UTF-8 before GB18030 is assumed.</summary>
    public const int SniffLength = 1 << 20;

    static TextEncodings()
    {
        // GB18030 lives in the code-pages provider of the framework; registering it once is enough for the process.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gb18030 = Encoding.GetEncoding(54936);
    }

    public static Encoding Gb18030 { get; }

    /// <summary>
    /// A BOM means UTF-8; otherwise the prefix must be strictly valid UTF-8 (a sequence cut off by the end of
    /// the prefix aside), else the file was saved by Excel or WPS on a Chinese PC: GB18030.
    /// </summary>
    /// <param name="prefix">The first bytes of the file, at most <see cref="SniffLength"/>.</param>
    /// <param name="wholeFile">Whether the prefix is the whole file (no sequence can be cut off).</param>
    public static string Detect(ReadOnlySpan<byte> prefix, bool wholeFile)
    {
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Utf8Bom;
        }
        var end = prefix.Length;
        if (!wholeFile)
        {
            // Drop a possibly incomplete last character: back up over continuation bytes to its lead byte.
            var k = end - 1;
            while (k >= 0 && k > end - 4 && (prefix[k] & 0xC0) == 0x80)
            {
                k--;
            }
            if (k >= 0 && prefix[k] >= 0xC0)
            {
                end = k;
            }
        }
        return System.Text.Unicode.Utf8.IsValid(prefix[..end]) ? Utf8 : Gb18030Name;
    }
}
