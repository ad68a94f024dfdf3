namespace ReliefMatch.Readers.Values;

/// <summary>Character folding shared by the value parsers: full-width forms typed with a Chinese IME.</summary>
internal static class TextFolding
{
    /// <summary>Folds full-width ASCII (U+FF01..U+FF5E, e.g. <c>２０２３－０７</c>) to ASCII.</summary>
    public static char Fold(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;

    public static bool TryDigit(char c, out int digit)
    {
        c = Fold(c);
        digit = c - '0';
        return (uint)digit <= 9;
    }
}
