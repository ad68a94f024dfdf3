using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Rules;

/// <summary>
/// <c>enrolled-without-record</c>: a home-county household with a member enrolled (status active) in one of
/// <see cref="Programmes"/> for which no record of <see cref="Source"/> whose <see cref="MonthField"/> is P and whose
/// <see cref="ProgrammeField"/> names that programme went to any of its members' IDs, or carries its household id in
/// <see cref="HouseholdField"/>. Only in a month whose source has records for P: a file not yet sent is no proof that
/// nothing was paid. One finding per household and programme.
/// </summary>
public sealed record EnrolledWithoutRecordParameters(string Source, IReadOnlyList<Programme> Programmes, string ProgrammeField,
    string MonthField, string? HouseholdField) : RuleParameters
{
    public int ProgrammeMask { get; } = Programmes.Aggregate(0, (m, p) => m | 1 << (int)p);
}
