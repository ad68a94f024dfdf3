using ReliefMatch.Core.Extracts;
using ReliefMatch.SampleData;
using ReliefMatch.SampleData.Model;
using ReliefMatch.SampleData.People;
using ReliefMatch.SampleData.Sources;

namespace ReliefMatch.Tests.SampleData.Model;

public sealed class SamplePopulationTests
{
    [Theory]
    [InlineData("2023-07-31", "2023-01-31")]
    [InlineData("2023-08-31", "2023-03-01")]
    [InlineData("2024-02-29", "2023-08-29")]
    [InlineData("2023-06-30", "2022-12-30")]
    public void NotOverdueBoundary_SixCalendarMonthsLaterIsNotBeforeEnd(string end, string expected)
    {
        var boundary = SamplePopulation.NotOverdueBoundary(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
        var endDate = DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), boundary);
        Assert.False(boundary.AddMonths(6) < endDate);
        Assert.True(boundary.AddDays(-1).AddMonths(6) < endDate);
    }

    [Fact]
    public void Build_EveryoneHasADistinctValidIdAndTheRanksDoNotOverlap()
    {
        var population = SamplePopulation.Build(new SampleOptions(Households: 2000));
        var keys = new HashSet<long>();
        for (var p = 0; p < population.Persons.Count; p++)
        {
            Assert.True(keys.Add(population.Persons[p].Key), $"person {p} shares an ID");
        }
        Assert.All(keys.Take(500), k => Assert.True(ReliefMatch.Core.Identity.ResidentIdParser.Parse(ResidentIdText.ToString(k)).IsValid));

        int[] bounds =
        [
            SamplePopulation.RankBase, SamplePopulation.RankBase + SamplePopulation.RankCount,
            SamplePopulation.PatientRankBase, SamplePopulation.PatientRankBase + SamplePopulation.PatientRankCount,
            PoliceDeathsWriter.RankBase, PoliceDeathsWriter.RankBase + PoliceDeathsWriter.RankCount,
            DisabilityWriter.RankBase, DisabilityWriter.RankBase + DisabilityWriter.RankCount,
        ];
        for (var i = 1; i < bounds.Length; i++)
        {
            Assert.True(bounds[i - 1] <= bounds[i], "rank ranges overlap");
        }
        Assert.Equal(IdAllocator.Ranks, bounds[^1]);
    }

    [Fact]
    public void Build_HouseholdsHeadFirstOfOneToSixMembersBornBeforeTheirMonth()
    {
        var population = SamplePopulation.Build(new SampleOptions(Households: 1000));
        var end = population.End;

        Assert.Equal(1000, population.HomeHouseholdCount);
        Assert.True(population.Households.Length > 1000);
        for (var h = 0; h < population.Households.Length; h++)
        {
            var household = population.Households[h];
            Assert.InRange(household.MemberCount, 1, 6);
            Assert.True(population.Members[household.FirstMember].Relation is Relation.Head or Relation.Self);
            for (var m = household.FirstMember; m < household.FirstMember + household.MemberCount; m++)
            {
                Assert.True(ResidentIdText.BirthDate(population.Persons[population.Members[m].Person].Key) < end);
                Assert.True(population.Members[m].EnrolledDay <= end.DayNumber);
            }
            if (household.Programme == Programme.Tekun)
            {
                Assert.NotEqual((SupportMode)0, household.Support);
            }
        }
    }

    [Fact]
    public void Build_SameOptions_SameCounty()
    {
        var a = SamplePopulation.Build(new SampleOptions(Households: 500, Seed: 3));
        var b = SamplePopulation.Build(new SampleOptions(Households: 500, Seed: 3));
        var c = SamplePopulation.Build(new SampleOptions(Households: 500, Seed: 4));

        Assert.Equal(a.Persons.Count, b.Persons.Count);
        Assert.True(Enumerable.Range(0, a.Persons.Count).All(p => a.Persons[p].Key == b.Persons[p].Key && a.Persons[p].Name == b.Persons[p].Name));
        Assert.Equal(a.Patients, b.Patients);
        Assert.Equal(a.Planted, b.Planted);
        Assert.False(Enumerable.Range(0, Math.Min(a.Persons.Count, c.Persons.Count)).All(p => a.Persons[p].Key == c.Persons[p].Key));
    }
}
