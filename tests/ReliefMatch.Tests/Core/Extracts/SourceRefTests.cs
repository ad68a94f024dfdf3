using System.Text.Json;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;

namespace ReliefMatch.Tests.Core.Extracts;

public class SourceRefTests
{
    [Fact]
    public void Of_TypedId_IsTheKind_DeclaredIdHasNoKind()
    {
        Assert.Equal(SourceKind.PoliceDeaths, SourceRef.Of("police-deaths").Kind);
        Assert.True(SourceRef.Of("police-deaths") == SourceKind.PoliceDeaths);
        Assert.Null(SourceRef.Of("cremation").Kind);
        Assert.Equal("cremation", SourceRef.Of("cremation").ChineseName);
        Assert.Equal("公安户籍注销", ((SourceRef)SourceKind.PoliceDeaths).ChineseName);
    }

    [Fact]
    public void CompareTo_TheSixInTheirOrder_ThenDeclaredById()
    {
        SourceRef[] sorted = [.. new[] { SourceRef.Of("payments"), SourceKind.Monitoring, SourceRef.Of("hukou"), SourceKind.Roster }.Order()];

        Assert.Equal(["roster", "monitoring", "hukou", "payments"], sorted.Select(s => s.Id));
    }

    [Fact]
    public void Json_EvidenceOfADeclaredSource_RoundTripsById()
    {
        var evidence = new Evidence(SourceRef.Of("cremation"), 7, 2, "火化记录：2023-06-20 死亡");

        var json = JsonSerializer.Serialize(evidence);

        Assert.Contains("\"Source\":\"cremation\"", json, StringComparison.Ordinal);
        Assert.Equal(evidence, JsonSerializer.Deserialize<Evidence>(json));
    }
}
