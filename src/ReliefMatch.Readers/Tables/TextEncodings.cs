using System.Text;

namespace ReliefMatch.Readers.Tables;

/// <summary>The encodings of CSV extracts: UTF-8 (with or without BOM) and GB18030, which reads GBK and GB2312 too.</summary>
internal static class TextEncodings
{
    public const string Utf8 = "UTF-8";
    public const string Utf8Bom = "UTF-8 (BOM)";
    public const string Gb18030Name = "GB18030";
    public const string Xlsx = "XLSX";

    /// <summary>What <see cref="Detect"/> says of text that neither UTF-8 nor GB18030 reads.</summary>
    public const string Undecodable = "undecodable";

    /// <summary>How much of a file is checked for being valid UTF-8 before GB18030 is assumed.</summary>
    public const int SniffLength = 1 << 20;

    static TextEncodings()
    {
        // GB18030 lives in the code-pages provider of the framework; registering it once is enough for the process.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gb18030 = Encoding.GetEncoding(54936);
        Gb18030Marked = Encoding.GetEncoding(54936, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback(Replacement));
        Gb18030Strict = Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>U+FFFD, what a byte that does not decode becomes.</summary>
    public const string Replacement = "\uFFFD";

    public static Encoding Gb18030 { get; }

    /// <summary>GB18030 that decodes a byte it cannot read as U+FFFD (not <c>?</c>), so that the row holding it can be found.</summary>
    public static Encoding Gb18030Marked { get; }

    private static Encoding Gb18030Strict { get; }

    /// <summary>
    /// A BOM means UTF-8; otherwise the prefix must be strictly valid UTF-8 (a sequence cut off by the end of
    /// the prefix aside), else the file was saved by Excel or WPS on a Chinese PC: GB18030. UTF-8 with a few
    /// damaged bytes among much UTF-8 text stays UTF-8, so that only the rows holding them are rejected (GB18030
    /// text is mostly invalid as UTF-8); a prefix that GB18030 cannot read either is <see cref="Undecodable"/>.
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
        var text = prefix[..end];
        if (System.Text.Unicode.Utf8.IsValid(text) || LooksLikeDamagedUtf8(text))
        {
            return Utf8;
        }
        return FirstUndecodable(text, wholeFile) < 0 ? Gb18030Name : Undecodable;
    }

    /// <summary>The offset of the first byte of <paramref name="text"/> that GB18030 cannot read, or -1.</summary>
    /// <param name="wholeFile">Whether a character cut off by the end of <paramref name="text"/> counts as unreadable.</param>
    public static int FirstUndecodable(ReadOnlySpan<byte> text, bool wholeFile)
    {
        try
        {
            Gb18030Strict.GetDecoder().GetCharCount(text, flush: wholeFile);
            return -1;
        }
        catch (DecoderFallbackException e)
        {
            return Math.Max(e.Index, 0);
        }
    }

    /// <summary>The offset of the first byte of <paramref name="text"/> that is not UTF-8, or -1.</summary>
    public static int FirstInvalidUtf8(ReadOnlySpan<byte> text)
    {
        var at = 0;
        while (at < text.Length)
        {
            if (System.Buffers.OperationStatus.Done != Rune.DecodeFromUtf8(text[at..], out _, out var consumed))
            {
                return at;
            }
            at += consumed;
        }
        return -1;
    }

    /// <summary>At least four valid multi-byte characters for every invalid sequence: UTF-8 text with damage in it.</summary>
    private static bool LooksLikeDamagedUtf8(ReadOnlySpan<byte> text)
    {
        long multiByte = 0;
        long invalid = 0;
        while (!text.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(text, out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                invalid++;
            }
            else if (consumed > 1)
            {
                multiByte++;
            }
            text = text[consumed..];
        }
        return multiByte >= 4 * invalid;
    }
}
