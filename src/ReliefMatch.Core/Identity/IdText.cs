using System.Text;

namespace ReliefMatch.Core.Identity;

/// <summary>
/// Masks every resident ID inside a free text — an evidence line, a refusal message quoting a file's header
/// region, a rejected value — the way the ID column is masked (<see cref="ResidentId.Mask"/>: first 6 and last
/// 4 shown). Whatever a township user, a log or the audit log can read passes through here; only the county,
/// asking for full IDs (and audited for it), sees the text unmasked.
/// </summary>
/// <remarks>
/// Two kinds of token are masked:
/// <list type="bullet">
/// <item>ID-shaped numbers: 15 digits (an old ID), 17 digits and a check character (0–9 or X), and the damaged
/// lengths 16, 19 and 20 (a digit lost or doubled, a 残疾人证号 that is an ID plus two digits). Full-width digits
/// and X count as their ASCII forms; a space (also U+00A0, U+3000) between digit groups of four or more is read
/// as part of the number, so <c>450326 19900101 1234</c> is masked too. A run of exactly 17 digits with no check
/// character is left alone: that is how the rosters write a 家庭编号, which the township needs to read.</item>
/// <item>whatever follows the word 身份证号 (up to a quote, a space or punctuation), if it holds a digit: an
/// invalid ID quoted in evidence (<c>身份证号“4.50326E+17”被Excel转为数字</c>) may have any shape.</item>
/// </list>
/// </remarks>
public static class IdText
{
    private const string Label = "身份证号";

    /// <summary>The text with every ID in it masked 6+4; null reads as empty.</summary>
    public static string MaskIds(string? text)
    {
        if (string.IsNullOrEmpty(text) || !HasLongDigitRunOrLabel(text))
        {
            return text ?? "";
        }
        var output = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (string.CompareOrdinal(text, i, Label, 0, Label.Length) == 0)
            {
                i = MaskLabelled(text, i, output);
            }
            else if (DigitOf(text[i]) >= 0)
            {
                i = MaskNumber(text, i, output);
            }
            else
            {
                output.Append(text[i++]);
            }
        }
        return output.ToString();
    }

    /// <summary>Whether <paramref name="text"/> holds any ID-shaped number or quoted ID (so masking changes it).</summary>
    public static bool HasIds(string? text) => !string.Equals(MaskIds(text), text ?? "", StringComparison.Ordinal);

    /// <summary>Copies 身份证号 and its quoted value, masked; returns where to go on.</summary>
    private static int MaskLabelled(string text, int start, StringBuilder output)
    {
        var i = start + Label.Length;
        // 身份证号码 is the same word.
        if (i < text.Length && text[i] == '码')
        {
            i++;
        }
        while (i < text.Length && text[i] is '“' or '"' or '「' or '：' or ':' or ' ' or '\u00A0' or '\u3000')
        {
            i++;
        }
        output.Append(text, start, i - start);
        var end = i;
        var digits = false;
        while (end < text.Length && !EndsQuotedValue(text[end]))
        {
            digits |= DigitOf(text[end]) >= 0;
            end++;
        }
        if (!digits)
        {
            return i;
        }
        output.Append(ResidentId.Mask(text[i..end]));
        return end;
    }

    private static bool EndsQuotedValue(char c) =>
        c is '”' or '"' or '」' or '，' or ',' or '、' or '；' or ';' or '）' or ')' or '（' or '(' or '。'
        || char.IsWhiteSpace(c) || char.IsControl(c)
        // A value ends where Chinese text resumes (…“有误”, …位数不对): IDs hold no CJK characters.
        || c is >= '\u4E00' and <= '\u9FFF';

    /// <summary>Copies the number starting at <paramref name="start"/>, masked when ID-shaped; returns where to go on.</summary>
    private static int MaskNumber(string text, int start, StringBuilder output)
    {
        var folded = new StringBuilder(24);
        var group = 0;
        var i = start;
        var check = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (DigitOf(c) is var d and >= 0)
            {
                folded.Append((char)('0' + d));
                group++;
                i++;
            }
            else if (IsX(c) && folded.Length > 0)
            {
                folded.Append('X');
                check = true;
                i++;
                break;
            }
            else if (c is ' ' or '\u00A0' or '\u3000' && group >= 4 && i + 1 < text.Length && DigitOf(text[i + 1]) >= 0)
            {
                group = 0;
                i++;
            }
            else
            {
                break;
            }
        }
        var digits = folded.Length - (check ? 1 : 0);
        var idShaped = check
            ? digits is >= 14 and <= 19
            : digits is 15 or 16 or 18 or 19 or 20;
        if (idShaped)
        {
            output.Append(ResidentId.Mask(folded.ToString()));
        }
        else
        {
            // Not an ID: the characters as they were (a date, an amount, a 家庭编号), up to the last one taken.
            var end = check ? i - 1 : i;
            output.Append(text, start, end - start);
            return end;
        }
        return i;
    }

    private static bool HasLongDigitRunOrLabel(string text)
    {
        if (text.Contains(Label, StringComparison.Ordinal))
        {
            return true;
        }
        var run = 0;
        foreach (var c in text)
        {
            run = DigitOf(c) >= 0 ? run + 1 : c is ' ' or '\u00A0' or '\u3000' ? run : 0;
            if (run >= 14)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>0–9 for an ASCII or full-width digit, else −1.</summary>
    private static int DigitOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '０' and <= '９' => c - '０',
        _ => -1,
    };

    private static bool IsX(char c) => c is 'X' or 'x' or 'Ｘ' or 'ｘ';
}
