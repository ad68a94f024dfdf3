using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Checks;

/// <summary>One household of a due list: who it is, when it was last checked and when it is due.</summary>
/// <param name="HouseholdId">家庭编号.</param>
/// <param name="Township">The head's township.</param>
/// <param name="Village">The head's village (empty when the roster has none).</param>
/// <param name="HeadName">户主姓名 (the head row's name).</param>
/// <param name="HeadIdNumber">The head's ID as normalised (empty when missing).</param>
/// <param name="Programmes">The dibao and tekun programmes members are enrolled in.</param>
/// <param name="LastCheckOn">The latest 最近核对日期 of any member; null: never checked.</param>
/// <param name="DueOn">LastCheckOn plus the interval in calendar months; null: never checked, due now.</param>
/// <param name="Overdue">Never checked, or <see cref="DueOn"/> is before the list's as-of date.</param>
/// <param name="Signals">What the income and asset sources found (none until sources are wired in).</param>
public sealed record RecheckDue(
    string HouseholdId,
    string Township,
    string Village,
    string HeadName,
    string HeadIdNumber,
    IReadOnlyList<Programme> Programmes,
    DateOnly? LastCheckOn,
    DateOnly? DueOn,
    bool Overdue,
    IReadOnlyList<EconomicSignal> Signals);
