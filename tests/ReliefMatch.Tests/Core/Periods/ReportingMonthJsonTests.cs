using System.Text.Json;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Tests.Core.Periods;

public sealed class ReportingMonthJsonTests
{
    [Fact]
    public void Serialize_MonthsOfEvidence_WrittenAsTextAndReadBack()
    {
        // A split run's parts carry findings as JSON; a month's Previous/Next once recursed until the depth limit.
        IReadOnlyList<ReportingMonth> months = [new(2023, 6), new(2023, 7)];

        var json = JsonSerializer.Serialize(months);

        Assert.Equal("""["2023-06","2023-07"]""", json);
        Assert.Equal(months, JsonSerializer.Deserialize<List<ReportingMonth>>(json));
    }

    [Fact]
    public void Deserialize_NotAMonth_Refused()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ReportingMonth>("\"2023-13\""));
    }
}
