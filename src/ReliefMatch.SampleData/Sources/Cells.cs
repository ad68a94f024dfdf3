using System.Runtime.CompilerServices;
using ReliefMatch.SampleData.Output;
using ReliefMatch.SampleData.People;

namespace ReliefMatch.SampleData.Sources;

/// <summary>Writes ID and name cells the way a file's style has them.</summary>
internal static class Cells
{
    /// <summary>A valid ID, as a file of this style would carry it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Id(ExtractSink sink, long key, FileStyle style, ref SampleRandom random)
    {
        Span<char> id = stackalloc char[18];
        ResidentIdText.Write(key, id);
        if (style.IsPlain)
        {
            sink.Text(id);
            return;
        }
        IdText(sink, id, style, ref random);
    }

    /// <summary>An ID given as text (a wrong one, a relative's, a 15-digit one), with the file's habits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void IdText(ExtractSink sink, ReadOnlySpan<char> id, FileStyle style, ref SampleRandom random)
    {
        if (style.IsPlain)
        {
            sink.Text(id);
            return;
        }
        Span<char> cell = stackalloc char[40];
        var n = 0;
        if (random.PerTenThousand(style.Tab))
        {
            cell[n++] = '\t';
        }
        else if (random.PerTenThousand(style.Apostrophe))
        {
            cell[n++] = '\'';
        }
        var fullWidth = random.PerTenThousand(style.FullWidth);
        var spaces = !fullWidth && id.Length == 18 && random.PerTenThousand(style.Spaces);
        var lower = id.Length > 0 && id[^1] == 'X' && random.PerMille(style.LowerX);
        for (var i = 0; i < id.Length; i++)
        {
            if (spaces && i is 6 or 14)
            {
                cell[n++] = ' ';
            }
            var c = id[i];
            if (lower && c == 'X')
            {
                c = 'x';
            }
            cell[n++] = fullWidth ? (char)(c + 0xFEE0) : c;
        }
        if (random.PerTenThousand(style.TrailingSpace))
        {
            cell[n++] = ' ';
        }
        sink.Text(cell[..n]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Name(ExtractSink sink, int code, FileStyle style, ref SampleRandom random)
    {
        Span<char> name = stackalloc char[ChineseNames.MaxLength + 2];
        var n = ChineseNames.Write(code, name);
        if (!style.IsPlain)
        {
            if (style.PaddedNames > 0 && ChineseNames.IsTwoCharacters(code) && random.PerMille(style.PaddedNames))
            {
                // 王芳 → 王 芳 (or with an ideographic space).
                name[2] = name[1];
                name[1] = random.PerMille(700) ? ' ' : '\u3000';
                n = 3;
            }
            else if (ChineseNames.IsDotted(code) && random.PerMille(400))
            {
                var dot = random.PerMille(700) ? '•' : '.';
                for (var i = 0; i < n; i++)
                {
                    if (name[i] == '·')
                    {
                        name[i] = dot;
                    }
                }
            }
        }
        sink.Text(name[..n]);
    }
}
