using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Matching;

namespace ReliefMatch.Tests.Core.Matching;

public class PersonIndexTests
{
    private static readonly string Zhang = Ids.Make("19560312", 131); // male
    private static readonly string Li = Ids.Make("19600101", 242);    // female

    private static PersonIndex Index(Action<MonthBuilder> build)
    {
        var month = new MonthBuilder();
        build(month);
        var data = month.Build();
        return PersonIndex.Build(data.Roster, data.Monitoring);
    }

    private static PersonIndex TwoPeople() => Index(m => m.Roster(Zhang, "张三", "H1").Roster(Li, "李四", "H2"));

    [Fact]
    public void Match_SameIdSameName_Exact()
    {
        var index = TwoPeople();
        var match = index.Match(Ids.Parse(Zhang), "张三");
        Assert.Equal(Confidence.Exact, match.Confidence);
        Assert.Equal(Zhang, index.IdNumber(match.Person));
    }

    [Theory]
    [InlineData("张 三")]
    [InlineData("张·三")]
    [InlineData("张•三")]
    [InlineData("张.三")]
    public void Match_NameWithSpacesOrSeparators_Exact(string name)
    {
        Assert.Equal(Confidence.Exact, TwoPeople().Match(Ids.Parse(Zhang), name).Confidence);
    }

    [Fact]
    public void Match_LowerCaseXAndFifteenDigits_Exact()
    {
        var withX = Enumerable.Range(100, 200).Select(s => Ids.Make("19700101", s)).First(id => id.EndsWith('X'));
        var index = Index(m => m.Roster(withX, "王五", "H1").Roster(Zhang, "张三", "H2"));
        Assert.Equal(Confidence.Exact, index.Match(Ids.Parse(withX.ToLowerInvariant()), "王五").Confidence);
        Assert.Equal(Confidence.Exact, index.Match(Ids.Parse(Ids.To15(Zhang)), "张三").Confidence);
    }

    [Fact]
    public void Match_SameIdOtherName_Review()
    {
        var index = TwoPeople();
        var match = index.Match(Ids.Parse(Zhang), "张小三");
        Assert.True(match.IsReview);
        Assert.False(match.IsMatch);
        Assert.Equal(Zhang, index.IdNumber(match.Person));
    }

    [Fact]
    public void Match_ValidIdNobodyHolds_NoneEvenWithSameNameSexAndBirth()
    {
        var other = Ids.Make("19560312", 151);
        var match = TwoPeople().Match(Ids.Parse(other), "张三", Sex.Male, new DateOnly(1956, 3, 12));
        Assert.Equal(IdentityMatch.None, match);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(16)]
    public void Match_OneDigitWrong_Repaired(int position)
    {
        var index = TwoPeople();
        var match = index.Match(Ids.Parse(Ids.WithWrongDigit(Zhang, position)), "张三");
        Assert.Equal(Confidence.Repaired, match.Confidence);
        Assert.Equal(Zhang, index.IdNumber(match.Person));
    }

    [Fact]
    public void Match_AdjacentDigitsSwapped_Repaired()
    {
        var position = Enumerable.Range(6, 10).First(p => Zhang[p] != Zhang[p + 1] && !Ids.Parse(Ids.WithSwap(Zhang, p)).IsValid);
        var match = TwoPeople().Match(Ids.Parse(Ids.WithSwap(Zhang, position)), "张三");
        Assert.Equal(Confidence.Repaired, match.Confidence);
    }

    [Fact]
    public void Match_RepairToPersonOfAnotherName_None()
    {
        Assert.Equal(IdentityMatch.None, TwoPeople().Match(Ids.Parse(Ids.WithWrongDigit(Zhang, 16)), "赵六"));
    }

    [Fact]
    public void Match_RepairReachesTwoPeopleOfThatName_NotRepaired()
    {
        // Two 张三 whose IDs differ in the last sequence digit; A's digits with B's check character is one
        // edit from each of them.
        var twin = Ids.Make("19560312", 133);
        var index = Index(m => m.Roster(Zhang, "张三", "H1").Roster(twin, "张三", "H2"));
        var typo = Zhang[..17] + twin[17];
        Assert.False(Ids.Parse(typo).IsValid);
        Assert.Equal(IdentityMatch.None, index.Match(Ids.Parse(typo), "张三"));
        Assert.Equal(Confidence.Repaired, TwoPeople().Match(Ids.Parse(typo), "张三").Confidence);
    }

    [Fact]
    public void Match_NoIdUniqueNameSexBirth_Probable()
    {
        var index = TwoPeople();
        var match = index.Match(ParsedId.Missing, "张三", Sex.Male, new DateOnly(1956, 3, 12));
        Assert.Equal(Confidence.Probable, match.Confidence);
        Assert.Equal(Zhang, index.IdNumber(match.Person));
    }

    [Fact]
    public void Match_NoIdWrongSexOrBirth_None()
    {
        var index = TwoPeople();
        Assert.Equal(IdentityMatch.None, index.Match(ParsedId.Missing, "张三", Sex.Female, new DateOnly(1956, 3, 12)));
        Assert.Equal(IdentityMatch.None, index.Match(ParsedId.Missing, "张三", Sex.Male, new DateOnly(1956, 3, 13)));
        Assert.Equal(IdentityMatch.None, index.Match(ParsedId.Missing, "张三"));
    }

    [Fact]
    public void Match_NoIdTwoPeopleWithThatNameSexAndBirth_None()
    {
        var namesake = Ids.Make("19560312", 171, "450322");
        var index = Index(m => m.Roster(Zhang, "张三", "H1").Roster(namesake, "张三", "L1", county: MonthBuilder.Neighbour));
        Assert.Equal(IdentityMatch.None, index.Match(ParsedId.Missing, "张三", Sex.Male, new DateOnly(1956, 3, 12)));
    }

    [Fact]
    public void Match_NoIdPersonOnSeveralRosterRows_StillProbable()
    {
        var index = Index(m => m.Roster(Zhang, "张三", "H1").Roster(Zhang, "张三", "L1", county: MonthBuilder.Neighbour).Roster(Zhang, "张 三", "H9"));
        Assert.Equal(1, index.Count);
        Assert.Equal(3, index.RosterRows(0).Length);
        Assert.Equal(Confidence.Probable, index.Match(ParsedId.Missing, "张三", Sex.Male, new DateOnly(1956, 3, 12)).Confidence);
    }

    [Fact]
    public void Match_InvalidIdThatDoesNotRepair_FallsBackToNameSexBirth()
    {
        var index = TwoPeople();
        var garbled = Ids.Parse("45032619560312");
        Assert.False(garbled.IsValid);
        Assert.Equal(Confidence.Probable, index.Match(garbled, "张三", Sex.Male, new DateOnly(1956, 3, 12)).Confidence);
        Assert.Equal(IdentityMatch.None, index.Match(garbled, "张三"));
    }

    [Fact]
    public void Build_MonitoredPersonOnNoRoster_IsAPerson()
    {
        var monitored = Ids.Make("19801111", 221);
        var month = new MonthBuilder().Roster(Zhang, "张三", "H1").Monitoring(monitored, "陈七").Monitoring(Ids.Make("19801111", 241), "周八", riskCleared: true);
        var data = month.Build();
        var index = PersonIndex.Build(data.Roster, data.Monitoring);
        Assert.Equal(2, index.Count);
        Assert.Equal(Confidence.Exact, index.Match(Ids.Parse(monitored), "陈七").Confidence);
        Assert.Equal(Confidence.Repaired, index.Match(Ids.Parse(Ids.WithWrongDigit(monitored, 15)), "陈七").Confidence);
    }

    [Fact]
    public void Build_RosterRowWithTypo_JoinsThePersonItRepairsTo()
    {
        var index = Index(m => m.Roster(Zhang, "张三", "H1").Roster(Ids.WithWrongDigit(Zhang, 12), "张三", "L1", county: MonthBuilder.Neighbour)
            .Roster(Ids.WithWrongDigit(Li, 12), "李四", "H2"));
        Assert.Equal(0, index.PersonOfRow(1));
        Assert.True(index.IsRowRepaired(1));
        Assert.Equal(-1, index.PersonOfRow(2));
        Assert.Equal(2, index.RosterRows(0).Length);
    }

    [Fact]
    public void Build_ManyRowsWithTypos_EachJoinsThePersonItRepairsTo()
    {
        // Enough rows for the build to work in parallel chunks: every tenth row is the row before's person, its ID
        // with a typo. Names differ from row to row, so that each typo repairs to one person only.
        static string Name(int i) => string.Concat("张", ((char)(0x4E00 + i / 300)).ToString(), ((char)(0x4E00 + i % 300)).ToString());
        var ids = new List<string>();
        var index = Index(m =>
        {
            for (var i = 0; i < 120_000; i++)
            {
                var id = Ids.Make(new DateOnly(1950, 1, 1).AddDays(i / 500).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), i % 500 + 100);
                ids.Add(id);
                m.Roster(i % 10 == 9 ? Ids.WithWrongDigit(ids[i - 1], 14) : id, i % 10 == 9 ? Name(i - 1) : Name(i), "H" + i);
            }
        });
        for (var i = 9; i < 120_000; i += 10)
        {
            Assert.True(index.IsRowRepaired(i), $"row {i}");
            Assert.Equal(index.PersonOfRow(i - 1), index.PersonOfRow(i));
            Assert.False(index.IsRowRepaired(i - 1));
        }
    }

    [Fact]
    public void Build_SameIdTwoNames_TwoPersons()
    {
        var index = Index(m => m.Roster(Zhang, "张三", "H1").Roster(Zhang, "张小三", "H1"));
        Assert.Equal(2, index.Count);
        Assert.Equal(Confidence.Exact, index.Match(Ids.Parse(Zhang), "张小三").Confidence);
        Assert.Equal(Confidence.Exact, index.Match(Ids.Parse(Zhang), "张三").Confidence);
        Assert.True(index.Match(Ids.Parse(Zhang), "张大三").IsReview);
    }

    [Fact]
    public void Match_LongNames_ComparedOnTheStrings()
    {
        var id = Ids.Make("19900101", 222);
        var index = Index(m => m.Roster(id, "阿依古丽·买买提", "H1"));
        Assert.Equal(Confidence.Exact, index.Match(Ids.Parse(id), "阿依古丽买买提").Confidence);
        Assert.True(index.Match(Ids.Parse(id), "阿依古丽买买江").IsReview);
        Assert.Equal(Confidence.Probable, index.Match(ParsedId.Missing, "阿依古丽 买买提", Sex.Female, new DateOnly(1990, 1, 1)).Confidence);
        Assert.Equal(Confidence.Repaired, index.Match(Ids.Parse(Ids.WithWrongDigit(id, 3)), "阿依古丽买买提").Confidence);
    }

    [Fact]
    public void Match_EmptyName_NeverProbable()
    {
        var index = Index(m => m.Roster(Zhang, "", "H1"));
        Assert.Equal(IdentityMatch.None, index.Match(ParsedId.Missing, "", Sex.Male, new DateOnly(1956, 3, 12)));
    }

    [Fact]
    public void Build_ManyRowsAcrossPartitions_OnePersonPerIdAndName()
    {
        var month = new MonthBuilder();
        var random = new Random(3);
        var expected = new HashSet<(string, string)>();
        var rows = new List<(string Id, string Name)>();
        for (var i = 0; i < 3000; i++)
        {
            var id = Ids.Make("19" + (50 + i % 50).ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + "0101", 100 + i / 50);
            var name = "甲" + (i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture);
            rows.Add((id, name));
            if (i % 5 == 0)
            {
                rows.Add((id, name)); // enrolled twice
            }
            if (i % 11 == 0)
            {
                rows.Add((id, "乙" + name)); // the same ID under another name
            }
        }
        foreach (var (id, name) in rows.OrderBy(_ => random.Next()))
        {
            month.Roster(id, name, "H" + random.Next(1000));
            expected.Add((id, name));
        }
        var data = month.Build();
        var index = PersonIndex.Build(data.Roster, data.Monitoring);

        Assert.Equal(expected.Count, index.Count);
        var seen = new HashSet<(string, string)>();
        for (var p = 0; p < index.Count; p++)
        {
            Assert.True(seen.Add((index.IdNumber(p), index.DisplayName(p))));
            foreach (var r in index.RosterRows(p))
            {
                Assert.Equal(p, index.PersonOfRow(r));
                Assert.Equal((index.IdNumber(p), index.DisplayName(p)), (data.Roster[r].Id.Text, data.Roster[r].Name));
            }
            var chain = new List<int>();
            for (var q = index.FirstWithKey(index.Key(p)); q >= 0; q = index.NextWithSameKey(q))
            {
                chain.Add(q);
            }
            Assert.Contains(p, chain);
            Assert.Equal(chain.Count > 1, index.SharesKey(p));
        }
        Assert.Equal(data.Roster.Count, Enumerable.Range(0, index.Count).Sum(p => index.RosterRows(p).Length));
        // The first row of each person is where its display name comes from: the earliest in roster order.
        for (var p = 0; p < index.Count; p++)
        {
            Assert.Equal(index.RosterRows(p)[0], Enumerable.Range(0, data.Roster.Count).First(r => index.PersonOfRow(r) == p));
        }
    }

    [Fact]
    public void Build_SameDataTwice_SameNumbering()
    {
        var month = new MonthBuilder();
        for (var i = 0; i < 500; i++)
        {
            month.Roster(Ids.Make("19700101", 100 + i), "丙" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "H" + i);
        }
        var data = month.Build();
        var a = PersonIndex.Build(data.Roster, data.Monitoring);
        var b = PersonIndex.Build(data.Roster, data.Monitoring);
        Assert.Equal(Enumerable.Range(0, a.Count).Select(a.Key), Enumerable.Range(0, b.Count).Select(b.Key));
    }
}
