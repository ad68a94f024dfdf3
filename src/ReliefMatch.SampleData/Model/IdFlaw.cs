namespace ReliefMatch.SampleData.Model;

/// <summary>How a roster row's ID cell is wrong in the system itself (so in plain output too).</summary>
internal enum IdFlaw : byte
{
    None,

    /// <summary>The last character does not fit: a typing slip the provincial system let through.</summary>
    WrongCheck,

    /// <summary>No ID at all (a child never registered, a person without 户口).</summary>
    Missing,

    /// <summary>Still the 15-digit ID issued before 1999 (messy output only; plain writes the 18-digit form).</summary>
    Legacy15,
}
