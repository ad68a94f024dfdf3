using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Matching;

namespace ReliefMatch.Core.Checks;

/// <summary>
/// A household of the home county as the roster snapshot lists it (docs/rules.md: a household is its household_id;
/// its head is the member whose relation is 户主 or 本人, else its first row). Household-level values are read
/// over all member rows, the most recent date winning (docs/sources.md): they are the matching engine's
/// household's, so the due lists and the rules cannot disagree.
/// </summary>
public sealed class HomeHousehold
{
    private readonly RosterHousehold household;

    internal HomeHousehold(RosterHousehold household, RosterRecord head, IReadOnlyList<RosterRecord> members)
    {
        this.household = household;
        HouseholdId = household.Id;
        Head = head;
        Members = members;
    }

    /// <summary>家庭编号, trimmed.</summary>
    public string HouseholdId { get; }

    public RosterRecord Head { get; }

    /// <summary>Every row of the household, in extract and row order.</summary>
    public IReadOnlyList<RosterRecord> Members { get; }

    /// <summary>The head's township: where the household's lists go.</summary>
    public string Township => Head.Township.Trim();

    public string Village => Head.Village?.Trim() ?? "";

    /// <summary>The latest 最近核对日期 on any member row; null when no row has one (never checked).</summary>
    public DateOnly? LastCheckOn => household.LastCheckOn;

    /// <summary>The programmes some member is enrolled in (active or phasing out), in programme order.</summary>
    public IReadOnlyList<Programme> EnrolledProgrammes => MonthEvaluation.ProgrammesOf(household.ProgrammeMask);

    /// <summary>Whether a member is enrolled in dibao or tekun: the households the economic re-check covers.</summary>
    public bool HasEnrolledDibaoOrTekun => household.HasEnrolledDibao || household.HasEnrolledTekun;
}
