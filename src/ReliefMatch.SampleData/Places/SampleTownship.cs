namespace ReliefMatch.SampleData.Places;

/// <summary>A 乡镇 (or 街道) with its 9-digit code, police station and health centre.</summary>
internal sealed class SampleTownship
{
    public SampleTownship(SampleCounty county, string name, string code, int weight)
    {
        County = county;
        Name = name;
        Code = code;
        Weight = weight;
        // 永福镇 → 永福派出所, 永福镇卫生院; 宛田瑶族乡 → 宛田派出所.
        var stem = name.Replace("瑶族乡", "", StringComparison.Ordinal).TrimEnd('镇', '乡');
        Station = $"{county.Name}公安局{stem}派出所";
        HealthCentre = $"{county.Name}{name}卫生院";
    }

    public SampleCounty County { get; }

    public string Name { get; }

    public string Code { get; }

    public int Weight { get; }

    public string Station { get; }

    public string HealthCentre { get; }

    public List<SampleVillage> Villages { get; } = [];
}
