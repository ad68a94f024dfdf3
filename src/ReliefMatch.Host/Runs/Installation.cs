namespace ReliefMatch.Host.Runs;

/// <summary>The county this installation serves (RULES.md: the home county).</summary>
public sealed record Installation(string HomeCountyCode = "450326", string CountyName = "永福县")
{
    public static Installation Default { get; } = new();
}
