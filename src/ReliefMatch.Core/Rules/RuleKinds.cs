namespace ReliefMatch.Core.Rules;

/// <summary>The spelling of each <see cref="RuleKind"/> in rule files.</summary>
public static class RuleKinds
{
    public static IReadOnlyList<RuleKind> All { get; } = Enum.GetValues<RuleKind>();

    public static string Id(this RuleKind kind) => kind switch
    {
        RuleKind.DeceasedRecipient => "deceased-recipient",
        RuleKind.DuplicateEnrolment => "duplicate-enrolment",
        RuleKind.DibaoTekunOverlap => "dibao-tekun-overlap",
        RuleKind.LowIncomeMedical => "low-income-medical",
        RuleKind.LowIncomeSevereDisability => "low-income-severe-disability",
        RuleKind.EconomicCheckOverdue => "economic-check-overdue",
        RuleKind.HomeVisitOverdue => "home-visit-overdue",
        RuleKind.IdNameMismatch => "id-name-mismatch",
        RuleKind.InvalidRosterId => "invalid-roster-id",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? id, out RuleKind kind)
    {
        foreach (var k in All)
        {
            if (string.Equals(k.Id(), id, StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
