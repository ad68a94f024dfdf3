namespace ReliefMatch.Core.Rules;

/// <summary>
/// The shared month data a rule kind may read besides the person index, the roster households and the monitoring
/// matches (which every run prepares: every finding about a home household names the household's programmes, and
/// monitoring decides who is low-income). The engine prepares exactly the parts the month's rules declare, all
/// before the rules run side by side; a part no rule declared is not there to be read.
/// </summary>
[Flags]
public enum MonthParts
{
    None = 0,

    /// <summary>Each death record matched to a person (by ID, then by name, sex and birth date).</summary>
    DeathMatches = 1,

    /// <summary>Each disability certificate matched to a person, and the first placed certificate of each person.</summary>
    DisabilityMatches = 2,

    /// <summary>The settlements of low-income candidates inside the widest declared medical window.</summary>
    MedicalSettlements = 4,

    /// <summary>The settlements carrying a home-county person's ID under another name.</summary>
    MedicalMismatches = 8,
}
