namespace ReliefMatch.Readers.Values;

/// <summary>
/// Reads amounts of money as docs/sources.md spells them: <c>1234.5</c>, <c>1,234.50</c>, <c>1234.50元</c>,
/// <c>￥1,234.50</c>, <c>¥1234</c> (also with full-width digits and a leading minus for refunds).
/// </summary>
/// <remarks>The digits go straight into a <see cref="decimal"/> mantissa: no floating point ever touches money.</remarks>
internal static class MoneyText
{
    /// <param name="text">The trimmed, non-empty cell text.</param>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        ulong mantissa = 0;
        var digits = 0;
        var scale = 0;
        var dot = false;
        var negative = false;
        var signed = false;
        var ended = false;
        foreach (var c0 in text)
        {
            var c = TextFolding.Fold(c0);
            if (ended)
            {
                // Only spaces may follow the 元 that closes an amount.
                if (!char.IsWhiteSpace(c))
                {
                    return false;
                }
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                if (digits == 19)
                {
                    return false;
                }
                mantissa = mantissa * 10 + (ulong)(c - '0');
                digits++;
                if (dot)
                {
                    scale++;
                }
                continue;
            }
            switch (c)
            {
                case '.' when !dot:
                    dot = true;
                    break;
                case ',' when digits > 0 && !dot:
                    break;
                case '-' or '+' when digits == 0 && !signed && !dot:
                    negative = c == '-';
                    signed = true;
                    break;
                case '¥' or '\uFFE5' when digits == 0 && !dot:
                    break;
                case '元' when digits > 0:
                    ended = true;
                    break;
                default:
                    if (!char.IsWhiteSpace(c))
                    {
                        return false;
                    }
                    break;
            }
        }
        if (digits == 0)
        {
            return false;
        }
        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative && mantissa != 0, (byte)scale);
        return true;
    }
}
