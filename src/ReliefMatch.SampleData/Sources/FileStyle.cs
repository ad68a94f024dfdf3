using ReliefMatch.SampleData.Output;

namespace ReliefMatch.SampleData.Sources;

/// <summary>
/// The habits of one messy file: which date and money forms its system or its clerk uses (the first listed most
/// often), how often an ID cell carries a stray prefix, blanks or full-width digits, and how often an empty row
/// slips in. <see cref="Plain"/> has none of it.
/// </summary>
internal sealed class FileStyle
{
    public static FileStyle Plain { get; } = new() { IsPlain = true };

    public bool IsPlain { get; private init; }

    public (DateForm Form, int Weight)[] Dates { get; init; } = [(DateForm.Iso, 1)];

    public (MoneyForm Form, int Weight)[] Money { get; init; } = [(MoneyForm.Plain, 1)];

    /// <summary>Per thousand IDs ending in X written with a lower-case x.</summary>
    public int LowerX { get; init; }

    /// <summary>Per ten thousand ID cells: full-width digits, blanks inside, a leading apostrophe, a leading tab, a trailing blank.</summary>
    public int FullWidth { get; init; }

    public int Spaces { get; init; }

    public int Apostrophe { get; init; }

    public int Tab { get; init; }

    public int TrailingSpace { get; init; }

    /// <summary>Per thousand two-character names padded with a blank (王 芳), as clerks line them up.</summary>
    public int PaddedNames { get; init; }

    /// <summary>Per ten thousand rows followed by an empty row.</summary>
    public int BlankRows { get; init; }

    private WeightedChoice? _dateChoice;
    private WeightedChoice? _moneyChoice;

    public DateForm Date(ref SampleRandom random)
    {
        if (IsPlain)
        {
            return DateForm.Iso;
        }
        _dateChoice ??= new WeightedChoice(Dates.Select(d => d.Weight).ToArray());
        return Dates[_dateChoice.Pick(ref random)].Form;
    }

    public MoneyForm Amount(ref SampleRandom random)
    {
        if (IsPlain)
        {
            return MoneyForm.Plain;
        }
        _moneyChoice ??= new WeightedChoice(Money.Select(d => d.Weight).ToArray());
        return Money[_moneyChoice.Pick(ref random)].Form;
    }

    public bool Blank(ref SampleRandom random) => !IsPlain && BlankRows > 0 && random.PerTenThousand(BlankRows);

    /// <summary>Picks one spelling: the first most of the time, the others now and then.</summary>
    public string Spelling(ref SampleRandom random, IReadOnlyList<string> spellings, int othersPerMille = 150)
    {
        if (IsPlain || spellings.Count == 1 || !random.PerMille(othersPerMille))
        {
            return spellings[0];
        }
        return spellings[1 + random.Next(spellings.Count - 1)];
    }
}
