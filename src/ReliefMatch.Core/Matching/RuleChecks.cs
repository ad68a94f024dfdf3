using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>The check of every rule kind, found by the kind a rule file names.</summary>
internal static class RuleChecks
{
    private sealed record Entry(RuleKind Kind, Func<Rule, RuleNeeds> Needs, Action<MonthEvaluation, Rule, List<Finding>> Run);

    private static Entry Of<T>()
        where T : IRuleCheck => new(T.Kind, T.Needs, T.Run);

    private static readonly Dictionary<RuleKind, Entry> ByKind = new Entry[]
    {
        Of<DeceasedRecipientCheck>(),
        Of<DuplicateEnrolmentCheck>(),
        Of<DibaoTekunOverlapCheck>(),
        Of<LowIncomeMedicalCheck>(),
        Of<LowIncomeSevereDisabilityCheck>(),
        Of<EconomicCheckOverdueCheck>(),
        Of<HomeVisitOverdueCheck>(),
        Of<IdNameMismatchCheck>(),
        Of<InvalidRosterIdCheck>(),
        Of<RecordHeldCheck>(),
        Of<AmountOverWindowCheck>(),
        Of<EnrolledWithoutRecordCheck>(),
        Of<ValueSharedCheck>(),
        Of<PaidAfterDeathCheck>(),
        Of<PaidNotEnrolledCheck>(),
        Of<AmountMismatchCheck>(),
        Of<KinNotFiledCheck>(),
        Of<ApplicationNotVisitedCheck>(),
        Of<TagMonitoredCheck>(),
    }.ToDictionary(e => e.Kind);

    /// <summary>The kinds that have a check: every <see cref="RuleKind"/> (a test holds them equal).</summary>
    public static IEnumerable<RuleKind> Kinds => ByKind.Keys;

    public static RuleNeeds Needs(Rule rule) => Get(rule).Needs(rule);

    public static void Run(MonthEvaluation month, Rule rule, List<Finding> findings) => Get(rule).Run(month, rule, findings);

    private static Entry Get(Rule rule) =>
        ByKind.TryGetValue(rule.Kind, out var entry) ? entry : throw new InvalidOperationException($"Rule {rule.Id} has no check for kind {rule.Kind}.");
}
