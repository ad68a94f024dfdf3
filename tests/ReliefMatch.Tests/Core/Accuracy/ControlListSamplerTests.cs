using ReliefMatch.Core.Accuracy;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sampling;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Core.Accuracy;

public sealed class ControlListSamplerTests
{
    private static readonly ReportingMonth July = new(2023, 7);
    private static readonly ReportingMonth August = new(2023, 8);

    /// <summary>60 people in 永福镇 (1–60) and 5 in 罗锦镇 (61–65), all enrolled; 66 stopped; 67 of another county; 68 with a bad ID.</summary>
    private static List<RosterRecord> Roster()
    {
        var rows = Enumerable.Range(1, 65).Select(p => TestRecords.Roster(p, p, "H" + p) with { Township = p <= 60 ? "永福镇" : "罗锦镇" }).ToList();
        rows.Add(TestRecords.Roster(66, 66, "H66") with { Status = EnrolmentStatus.Stopped });
        rows.Add(TestRecords.Roster(67, 67, "H67") with { CountyCode = "450321" });
        rows.Add(TestRecords.Roster(68, 68, "H68") with { Id = ParsedId.Missing });
        // Person 1 is also 特困 in another row: one person, two programmes.
        rows.Add(TestRecords.Roster(69, 1, "H1", Programme.Tekun));
        return rows;
    }

    private static ControlList Draw(ReportingMonth period, IReadOnlySet<string> flagged, IReadOnlyList<RosterRecord>? roster = null) =>
        ControlListSampler.Draw(period, ["永福镇", "罗锦镇", "广福乡"], ControlCandidates.Of(roster ?? Roster(), "450326", flagged), ControlListParameters.Default);

    [Fact]
    public void Candidates_EnrolledHomeCountyPeopleWithValidIds_NotFlagged_OncePerId()
    {
        var candidates = ControlCandidates.Of(Roster(), "450326", new HashSet<string>([TestRecords.IdNumber(2)]));

        Assert.Equal(64, candidates.Count);
        Assert.DoesNotContain(candidates, c => c.IdNumber == TestRecords.IdNumber(2));
        Assert.DoesNotContain(candidates, c => c.IdNumber == TestRecords.IdNumber(66) || c.IdNumber == TestRecords.IdNumber(67));
        Assert.Equal([Programme.RuralDibao, Programme.Tekun], candidates.Single(c => c.IdNumber == TestRecords.IdNumber(1)).Programmes);
        Assert.Equal(candidates.Select(c => c.IdNumber).Order(StringComparer.Ordinal), candidates.Select(c => c.IdNumber));
    }

    [Fact]
    public void Draw_SameMonth_SameList_WhateverTheRosterOrder()
    {
        var flagged = new HashSet<string>([TestRecords.IdNumber(3), TestRecords.IdNumber(61)]);
        var reversed = Roster();
        reversed.Reverse();

        var one = Draw(July, flagged);
        var two = Draw(July, flagged, reversed);

        Assert.Equal(["广福乡", "永福镇", "罗锦镇"], one.Townships.Select(t => t.Township));
        Assert.Equal(one.Townships.Select(t => t.Selected.Select(p => p.IdNumber).ToList()), two.Townships.Select(t => t.Selected.Select(p => p.IdNumber).ToList()));
        Assert.Equal([(0, 0), (59, 20), (4, 4)], one.Townships.Select(t => (t.Candidates, t.Selected.Count)));
        Assert.All(one.Townships, t => Assert.Equal(SampleSeed.For(ControlListSampler.SeedPurpose, July, t.Township), t.Seed));
        Assert.All(one.Townships, t => Assert.Equal(t.Selected.Count, t.Selected.Select(p => p.IdNumber).Distinct().Count()));
        Assert.All(one.Townships, t => Assert.All(t.Selected, p => Assert.Equal(t.Township, p.Township)));
    }

    [Fact]
    public void Draw_ExcludesEveryFlaggedPerson()
    {
        // Everyone of 永福镇 but 25 is flagged: exactly those 25 can be drawn, so 20 of them are.
        var flagged = Enumerable.Range(26, 35).Select(TestRecords.IdNumber).ToHashSet(StringComparer.Ordinal);

        var yongfu = Draw(July, flagged).Townships.Single(t => t.Township == "永福镇");

        Assert.Equal(25, yongfu.Candidates);
        Assert.Equal(20, yongfu.Selected.Count);
        Assert.All(yongfu.Selected, p => Assert.DoesNotContain(p.IdNumber, flagged));
    }

    [Fact]
    public void Draw_AnotherMonth_AnotherListAndSeed()
    {
        var empty = new HashSet<string>();
        var july = Draw(July, empty).Townships.Single(t => t.Township == "永福镇");
        var august = Draw(August, empty).Townships.Single(t => t.Township == "永福镇");

        Assert.NotEqual(july.Seed, august.Seed);
        Assert.NotEqual(july.Selected.Select(p => p.IdNumber), august.Selected.Select(p => p.IdNumber));
        // Nor is it the 低保 sample's seed for the month.
        Assert.NotEqual(SampleSeed.For(July, "永福镇"), july.Seed);
    }

    [Fact]
    public void Reference_StableForMonthTownshipAndId_DistinctFromFindingReferences()
    {
        var person = ControlCandidates.Of(Roster(), "450326", new HashSet<string>())[0];

        Assert.Equal(person.ReferenceIn(July), person.ReferenceIn(July));
        Assert.NotEqual(person.ReferenceIn(July), person.ReferenceIn(August));
        Assert.Matches("^KZ[0-9A-F]{16}$", person.ReferenceIn(July));
    }
}
