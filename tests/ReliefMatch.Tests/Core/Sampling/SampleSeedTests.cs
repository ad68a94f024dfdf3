using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sampling;

namespace ReliefMatch.Tests.Core.Sampling;

public sealed class SampleSeedTests
{
    [Theory]
    // SHA-256 of "dibao-sample|2023-07|永福镇" (UTF-8), first four bytes big-endian, top bit cleared: computed independently.
    [InlineData("2023-07", "永福镇", 280960810)]
    [InlineData("2023-07", "罗锦镇", 2085710227)]
    [InlineData("2023-08", "永福镇", 1183961130)]
    public void For_PeriodAndTownship_IsTheDocumentedStableValue(string period, string township, int seed) =>
        Assert.Equal(seed, SampleSeed.For(ReportingMonth.Parse(period), township));
}
