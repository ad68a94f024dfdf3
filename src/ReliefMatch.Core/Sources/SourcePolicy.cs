namespace ReliefMatch.Core.Sources;

/// <summary>
/// Which records of a source a reporting month P sees: a snapshot describes the whole population each month,
/// a history accumulates, a latest source keeps per key the row of the latest-stamped file.
/// </summary>
public enum SourcePolicy
{
    /// <summary>Every extract linked to the latest period ≤ P that has any.</summary>
    Snapshot = 1,

    /// <summary>Every record of the extracts stamped ≤ P, identical records once.</summary>
    History,

    /// <summary>Per key (<see cref="SourceDeclaration.Key"/>), the rows of the latest-stamped file ≤ P holding it.</summary>
    Latest,
}
