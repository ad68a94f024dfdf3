namespace ReliefMatch.SampleData.Model;

/// <summary>A death within the extracts' window, and how the police and health extracts record it.</summary>
internal struct Decedent
{
    public int Person;
    public int DeathDay;
    public DeathChannels Channels;
    public HealthIdForm HealthId;

    /// <summary>For <see cref="HealthIdForm.RelativesId"/>: the household member whose ID was written.</summary>
    public int RelativePerson;

    /// <summary>The police row leaves 死亡日期 empty; 注销日期 stands in for it.</summary>
    public bool PoliceWithoutDeathDate;

    /// <summary>注销日期: some days to months after the death, and not after the export.</summary>
    public int CancelDay;
}
