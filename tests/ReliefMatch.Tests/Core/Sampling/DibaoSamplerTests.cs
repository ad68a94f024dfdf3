using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sampling;

namespace ReliefMatch.Tests.Core.Sampling;

public sealed class DibaoSamplerTests
{
    private static readonly ReportingMonth July = new(2023, 7);

    private static DibaoApproval Approval(string township, int n) =>
        new($"H{n:D3}", "450326", township, "城北村", "张" + n, "", Programme.RuralDibao, new DateOnly(2023, 7, 3), 2);

    private static List<DibaoApproval> Approvals(string township, int count) => Enumerable.Range(1, count).Select(n => Approval(township, n)).ToList();

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(5, 3)]
    [InlineData(10, 5)]
    [InlineData(11, 6)]
    public void SampleSize_HalfRoundedUp(int candidates, int drawn) => Assert.Equal(drawn, DibaoSampler.SampleSize(candidates));

    [Fact]
    public void Draw_EachTownship_AtLeastHalfOfItsNewApprovalsRoundedUp_DistinctAndFromItsOwn()
    {
        var approvals = Approvals("永福镇", 7).Concat(Approvals("罗锦镇", 4)).Concat(Approvals("苏桥镇", 1)).ToList();

        var sample = DibaoSampler.Draw(July, ["永福镇", "罗锦镇", "苏桥镇", "广福乡"], approvals);

        Assert.Equal(["广福乡", "永福镇", "罗锦镇", "苏桥镇"], sample.Townships.Select(t => t.Township));
        Assert.Equal([(0, 0), (7, 4), (4, 2), (1, 1)], sample.Townships.Select(t => (t.Candidates, t.Selected.Count)));
        foreach (var township in sample.Townships)
        {
            Assert.All(township.Selected, a => Assert.Equal(township.Township, a.Township));
            Assert.Equal(township.Selected.Count, township.Selected.Select(a => a.HouseholdId).Distinct().Count());
            Assert.Equal(SampleSeed.For(July, township.Township), township.Seed);
        }
    }

    [Fact]
    public void Draw_SamePeriodAgain_SameHouseholdsSameOrderSameSeed_WhateverTheInputOrder()
    {
        var approvals = Approvals("永福镇", 40);
        var shuffled = approvals.OrderByDescending(a => a.HouseholdId, StringComparer.Ordinal).ToList();

        var first = DibaoSampler.Draw(July, [], approvals).Townships.Single();
        var again = DibaoSampler.Draw(July, [], shuffled).Townships.Single();

        Assert.Equal(first.Seed, again.Seed);
        Assert.Equal(first.CandidatesSha256, again.CandidatesSha256);
        Assert.Equal(first.Selected.Select(a => a.HouseholdId), again.Selected.Select(a => a.HouseholdId));
    }

    [Fact]
    public void Draw_KnownCandidates_TheRecordedDraw()
    {
        // Computed independently with a plain MT19937 (init_genrand, genrand_int32) written in Python from the
        // reference code, following the documented shuffle: a third party holding the candidates gets the same.
        var drawn = DibaoSampler.Draw(July, [], Approvals("永福镇", 10)).Townships.Single();

        Assert.Equal(280960810, drawn.Seed);
        Assert.Equal(ExpectedJulyDraw, drawn.Selected.Select(a => a.HouseholdId));
    }

    private static readonly string[] ExpectedJulyDraw = ["H009", "H008", "H001", "H003", "H007"];

    [Fact]
    public void Draw_DifferentPeriods_DifferentSeedsAndSamples()
    {
        var approvals = Approvals("永福镇", 40);

        var july = DibaoSampler.Draw(July, [], approvals).Townships.Single();
        var august = DibaoSampler.Draw(July.Next, [], approvals).Townships.Single();

        Assert.NotEqual(july.Seed, august.Seed);
        Assert.NotEqual(july.Selected.Select(a => a.HouseholdId), august.Selected.Select(a => a.HouseholdId));
    }

    [Fact]
    public void Draw_OtherCandidates_OtherFingerprint()
    {
        var fewer = DibaoSampler.Draw(July, [], Approvals("永福镇", 5)).Townships.Single();
        var more = DibaoSampler.Draw(July, [], Approvals("永福镇", 6)).Townships.Single();

        Assert.NotEqual(fewer.CandidatesSha256, more.CandidatesSha256);
    }
}
