using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// The code of one rule kind: what a rule of the kind reads (<see cref="Needs"/>) and how it raises findings from a
/// prepared month (<see cref="Run"/>). <see cref="Run"/> may read only what <see cref="Needs"/> declared: the month
/// refuses a part that was not prepared, so a kind that forgets one fails on every run rather than racing.
/// </summary>
internal interface IRuleCheck
{
    static abstract RuleKind Kind { get; }

    static abstract RuleNeeds Needs(Rule rule);

    /// <summary>Adds the rule's findings; called concurrently with the other rules' checks on the same month.</summary>
    static abstract void Run(MonthEvaluation month, Rule rule, List<Finding> findings);
}
