using ReliefMatch.Core.Extracts;

namespace ReliefMatch.SampleData.Model;

/// <summary>One row of a roster: a person in a household, with the row's own values.</summary>
internal struct RosterMember
{
    public int Person;
    public Relation Relation;
    public EnrolmentStatus Status;
    public WorkAbility Ability;
    public IdFlaw Flaw;

    /// <summary>月保障金额 in cents; −1 when the programme pays no monthly amount (edge, expenditure).</summary>
    public int AmountCents;

    public int EnrolledDay;

    /// <summary>最近核对日期 as day number; 0 = empty. Household-level but repeated, and members may disagree.</summary>
    public int CheckDay;

    /// <summary>最近入户调查日期 as day number; 0 = empty.</summary>
    public int VisitDay;
}
