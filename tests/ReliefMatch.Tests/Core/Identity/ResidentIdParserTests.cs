using System.Globalization;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Tests.Core.Identity;

/// <summary>
/// Property-style tests over a few hundred deterministic random IDs: every valid ID survives every formatting
/// that extracts use, and every single-character change and adjacent swap is caught (and repairable).
/// </summary>
public class ResidentIdParserTests
{
    private static readonly string[] Addresses = ["450326", "450321", "450300", "110105", "440305", "510104", "650102", "130682"];

    /// <summary>300 valid IDs from a fixed seed, born 1900–2023.</summary>
    private static readonly string[] ValidIds = Generate(300, seed: 20230704);

    private static string[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        var first = new DateOnly(1900, 1, 1).DayNumber;
        var last = new DateOnly(2023, 12, 31).DayNumber;
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            var birth = DateOnly.FromDayNumber(random.Next(first, last + 1));
            var body = Addresses[random.Next(Addresses.Length)] + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + random.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture);
            ids[i] = body + ResidentIdParser.CheckCharacter(long.Parse(body, CultureInfo.InvariantCulture));
        }
        return ids;
    }

    private static long KeyOf(string id) => long.Parse(id.AsSpan(0, 17), CultureInfo.InvariantCulture);

    [Fact]
    public void ValidIds_IncludeCheckCharacterX() => Assert.Contains(ValidIds, id => id[17] == 'X');

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("440524188001010014")]
    public void Parse_PublishedExamples_Valid(string id)
    {
        var parsed = ResidentIdParser.Parse(id);
        Assert.True(parsed.IsValid);
        Assert.Equal(id, parsed.Id!.Value.ToString());
    }

    [Fact]
    public void Parse_EveryValidId_ValidWithItsParts()
    {
        foreach (var id in ValidIds)
        {
            var parsed = ResidentIdParser.Parse(id);
            Assert.True(parsed.IsValid, id);
            Assert.Equal(IdProblem.None, parsed.Problem);
            Assert.Equal(id, parsed.Text);
            Assert.Equal(KeyOf(id), parsed.Key);
            var resident = parsed.Id!.Value;
            Assert.Equal(id, resident.ToString());
            Assert.Equal(id[..6], resident.AddressCode);
            Assert.Equal(DateOnly.ParseExact(id[6..14], "yyyyMMdd", CultureInfo.InvariantCulture), resident.BirthDate);
            Assert.Equal((id[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female, resident.Sex);
            Assert.Equal(resident, ResidentId.FromKey(resident.Key));
        }
    }

    public static TheoryData<string> Formattings() =>
    [
        "lower-x", "full-width", "spaces-inside", "apostrophe", "tab", "surrounding-spaces", "nbsp", "ideographic-space", "excel-formula", "line-break",
    ];

    [Theory]
    [MemberData(nameof(Formattings))]
    public void Parse_EveryValidIdInEveryAllowedFormatting_SameId(string formatting)
    {
        foreach (var id in ValidIds)
        {
            var cell = Format(id, formatting);
            var parsed = ResidentIdParser.Parse(cell);
            Assert.True(parsed.IsValid, $"{formatting}: [{cell}] {parsed.Problem}");
            Assert.Equal(id, parsed.Text);
            Assert.Equal(KeyOf(id), parsed.Key);
        }
    }

    private static string Format(string id, string formatting) => formatting switch
    {
        "lower-x" => id.ToLowerInvariant(),
        "full-width" => new string(id.Select(c => (char)(c + 0xFEE0)).ToArray()),
        "spaces-inside" => $"{id[..6]} {id[6..10]} {id[10..14]} {id[14..]}",
        "apostrophe" => "'" + id,
        "tab" => "\t" + id,
        "surrounding-spaces" => $"  {id} ",
        "nbsp" => id[..6] + "\u00A0" + id[6..],
        "ideographic-space" => "\u3000" + id + "\u3000",
        "excel-formula" => $"=\"{id}\"",
        "line-break" => id[..9] + "\r\n" + id[9..],
        _ => throw new ArgumentOutOfRangeException(nameof(formatting), formatting, null),
    };

    [Fact]
    public void Parse_EverySingleCharacterChange_Detected()
    {
        foreach (var id in ValidIds)
        {
            foreach (var changed in SingleChanges(id))
            {
                Assert.False(ResidentIdParser.Parse(changed).IsValid, $"{id} -> {changed}");
            }
        }
    }

    [Fact]
    public void Parse_EveryAdjacentSwap_Detected()
    {
        foreach (var id in ValidIds)
        {
            foreach (var swapped in AdjacentSwaps(id))
            {
                Assert.False(ResidentIdParser.Parse(swapped).IsValid, $"{id} -> {swapped}");
            }
        }
    }

    [Fact]
    public void Parse_SingleChangeOfCheckCharacter_WrongCheckCharacter()
    {
        foreach (var id in ValidIds)
        {
            foreach (var c in "0123456789X".Where(c => c != id[17]))
            {
                var problem = ResidentIdParser.Parse(id[..17] + c).Problem;
                // A changed check character reading ...000 looks like Excel's zero padding.
                Assert.Equal(id[15..17] == "00" && c == '0' ? IdProblem.ExcelDamaged : IdProblem.WrongCheckCharacter, problem);
            }
        }
    }

    [Fact]
    public void RepairCandidates_EverySingleChange_IncludesTheOriginal()
    {
        foreach (var id in ValidIds)
        {
            foreach (var changed in SingleChanges(id))
            {
                Assert.Contains(KeyOf(id), ResidentIdParser.RepairCandidates(changed));
            }
        }
    }

    [Fact]
    public void RepairCandidates_EveryAdjacentSwap_IncludesTheOriginal()
    {
        foreach (var id in ValidIds)
        {
            foreach (var swapped in AdjacentSwaps(id).Where(s => s.AsSpan(0, 17).IndexOf('X') < 0))
            {
                Assert.Contains(KeyOf(id), ResidentIdParser.RepairCandidates(swapped));
            }
        }
    }

    [Fact]
    public void RepairCandidates_ValidId_NoneSinceNoValidIdIsOneMistakeAway()
    {
        foreach (var id in ValidIds)
        {
            Assert.Empty(ResidentIdParser.RepairCandidates(id));
        }
    }

    [Fact]
    public void RepairCandidates_EveryCandidate_IsValidAndOneMistakeAway()
    {
        foreach (var id in ValidIds.Take(50))
        {
            var changed = id[..10] + (char)('0' + (id[10] - '0' + 5) % 10) + id[11..];
            foreach (var key in ResidentIdParser.RepairCandidates(changed))
            {
                var candidate = ResidentId.FromKey(key).ToString();
                Assert.True(ResidentIdParser.Parse(candidate).IsValid);
                Assert.Contains(candidate, SingleChanges(changed).Concat(AdjacentSwaps(changed)));
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("4503261980010112")]
    [InlineData("45032619800101123X1")]
    [InlineData("4503261980A101123X")]
    public void RepairCandidates_NotAnEighteenCharacterId_None(string text) => Assert.Empty(ResidentIdParser.RepairCandidates(text));

    [Fact]
    public void Parse_FifteenDigitLegacyIds_UpgradedToEighteen()
    {
        var upgraded = 0;
        foreach (var id in ValidIds.Where(id => id[6..8] == "19"))
        {
            var legacy = id[..6] + id[8..17];
            var parsed = ResidentIdParser.Parse(legacy);
            Assert.True(parsed.IsValid, legacy);
            Assert.True(parsed.UpgradedFrom15);
            Assert.Equal(id, parsed.Text);
            Assert.Equal(KeyOf(id), parsed.Key);
            Assert.Equal(parsed, ResidentIdParser.ParseNumber(double.Parse(legacy, CultureInfo.InvariantCulture)));
            upgraded++;
        }
        Assert.True(upgraded > 100);
    }

    [Theory]
    [InlineData("450326801301123")]
    [InlineData("450326800230123")]
    public void Parse_FifteenDigitsImpossibleDate_ImpossibleBirthDate(string legacy) =>
        Assert.Equal(IdProblem.ImpossibleBirthDate, ResidentIdParser.Parse(legacy).Problem);

    [Fact]
    public void ParseNumber_EveryEighteenDigitIdAsANumber_ExcelDamaged()
    {
        foreach (var id in ValidIds.Where(id => id[17] != 'X'))
        {
            var parsed = ResidentIdParser.ParseNumber(double.Parse(id, CultureInfo.InvariantCulture));
            Assert.False(parsed.IsValid);
            Assert.Equal(IdProblem.ExcelDamaged, parsed.Problem);
        }
    }

    [Theory]
    [InlineData(-1d)]
    [InlineData(12.5)]
    [InlineData(1e15)]
    public void ParseNumber_NotAnIntegerOfAtMostFifteenDigits_ExcelDamaged(double value) =>
        Assert.Equal(IdProblem.ExcelDamaged, ResidentIdParser.ParseNumber(value).Problem);

    [Fact]
    public void Parse_EveryIdAsExcelShowsIt_ExcelDamaged()
    {
        foreach (var id in ValidIds.Where(id => id[17] != 'X'))
        {
            var number = double.Parse(id, CultureInfo.InvariantCulture);
            // What Excel displays (4.50326E+17) and what it keeps when asked for all digits (15 significant).
            Assert.Equal(IdProblem.ExcelDamaged, ResidentIdParser.Parse(number.ToString("0.#####E+00", CultureInfo.InvariantCulture)).Problem);
            // Text cannot tell padding from a genuine ID that happens to end in 000 with a right check character.
            var padded = id[..15] + "000";
            var genuine = ResidentIdParser.CheckCharacter(KeyOf(padded)) == '0';
            Assert.Equal(genuine ? IdProblem.None : IdProblem.ExcelDamaged, ResidentIdParser.Parse(padded).Problem);
        }
    }

    [Theory]
    [InlineData("4.50326E+17")]
    [InlineData("4.50326e+17")]
    [InlineData("4.50326198001012E+17")]
    [InlineData("４.５０３２６Ｅ＋１７")]
    public void Parse_ScientificNotation_ExcelDamaged(string text) =>
        Assert.Equal(IdProblem.ExcelDamaged, ResidentIdParser.Parse(text).Problem);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("'")]
    [InlineData("\t")]
    public void Parse_Blank_Missing(string text) => Assert.Equal(IdProblem.Missing, ResidentIdParser.Parse(text).Problem);

    [Theory]
    [InlineData("45032619800101123", IdProblem.WrongLength)]
    [InlineData("4503261980010112391", IdProblem.WrongLength)]
    [InlineData("45032619800101123Y", IdProblem.NotDigits)]
    [InlineData("450326198013011231", IdProblem.ImpossibleBirthDate)]
    [InlineData("450326184901011231", IdProblem.ImpossibleBirthDate)]
    public void Parse_Invalid_TheProblem(string text, IdProblem problem) => Assert.Equal(problem, ResidentIdParser.Parse(text).Problem);

    private static IEnumerable<string> SingleChanges(string id)
    {
        var chars = id.ToCharArray();
        for (var i = 0; i < 18; i++)
        {
            var original = chars[i];
            foreach (var c in i == 17 ? "0123456789X" : "0123456789")
            {
                if (c == original)
                {
                    continue;
                }
                chars[i] = c;
                yield return new string(chars);
            }
            chars[i] = original;
        }
    }

    private static IEnumerable<string> AdjacentSwaps(string id)
    {
        var chars = id.ToCharArray();
        for (var i = 0; i < 17; i++)
        {
            if (chars[i] == chars[i + 1])
            {
                continue;
            }
            (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
            yield return new string(chars);
            (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
        }
    }
}
