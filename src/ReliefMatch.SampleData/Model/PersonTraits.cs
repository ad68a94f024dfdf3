namespace ReliefMatch.SampleData.Model;

/// <summary>What the departmental sources need to know about a person beyond name and ID.</summary>
[Flags]
internal enum PersonTraits : byte
{
    None = 0,

    /// <summary>Enrolled in dibao or tekun somewhere in the roster set: medical assistance pays a large share.</summary>
    DibaoOrTekun = 1,

    /// <summary>A low-income person (docs/rules.md): enrolled edge/expenditure at home, or monitored with the risk not cleared.</summary>
    LowIncome = 2,

    /// <summary>Reserved by a planted case: no random event may touch the person, so the case stays exactly as planted.</summary>
    Planted = 4,

    /// <summary>Dies within the extracts' window.</summary>
    Dead = 8,

    /// <summary>Replaced in the household that created the person; appears in no extract.</summary>
    Unused = 16,

    /// <summary>Has planted medical settlements (and no random ones).</summary>
    PlantedMedical = 32,

    /// <summary>Has a planted disability certificate (and no random one).</summary>
    PlantedDisability = 64,
}
