namespace ReliefMatch.SampleData.Model;

[Flags]
internal enum DeathChannels : byte
{
    None = 0,

    /// <summary>In the police cancellation extract.</summary>
    Police = 1,

    /// <summary>In a police station's late report (a file with no 注销原因 column).</summary>
    PoliceLate = 2,

    /// <summary>A medical death certificate.</summary>
    Health = 4,
}
