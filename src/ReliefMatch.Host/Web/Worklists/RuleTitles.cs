using ReliefMatch.Core.Findings;

namespace ReliefMatch.Host.Web.Worklists;

/// <summary>
/// The rules' Chinese titles (预警类型), from the rule files in force: the findings table keeps the rule id, and
/// a worklist generated from stored findings prints the title as the monthly run does.
/// </summary>
public sealed class RuleTitles(CurrentRules rules)
{
    public Finding Apply(Finding finding) =>
        finding.RuleTitle.Length > 0 || rules.Rules.Find(finding.RuleId) is not { } rule ? finding : finding with { RuleTitle = rule.Title };

    /// <summary>The title of a rule id, or the id when no rule file has it.</summary>
    public string Of(string ruleId) => rules.Rules.Find(ruleId)?.Title ?? ruleId;
}
