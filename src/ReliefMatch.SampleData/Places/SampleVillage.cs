namespace ReliefMatch.SampleData.Places;

/// <summary>A 村 or 社区 with its 12-digit statistical code (township code + 3 digits).</summary>
internal sealed record SampleVillage(int Index, string Name, string Code, bool IsCommunity, int Weight)
{
    public required SampleTownship Township { get; init; }

    public SampleCounty County => Township.County;
}
