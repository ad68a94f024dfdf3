namespace ReliefMatch.SampleData.Places;

/// <summary>A county (县/区) of the sample: the home county or the neighbour whose roster is dropped beside it.</summary>
internal sealed class SampleCounty(string code, string name, string prefecture)
{
    public string Code { get; } = code;

    public string Name { get; } = name;

    /// <summary>广西壮族自治区桂林市永福县: the start of a registered address.</summary>
    public string FullName { get; } = "广西壮族自治区" + prefecture + name;

    public List<SampleTownship> Townships { get; } = [];
}
