using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// <c>invalid-roster-id</c>: a home-county roster row (any status) whose ID is missing or invalid. One finding
/// per row; the discriminator is the member's name, so the finding keeps its identity from month to month.
/// </summary>
internal sealed class InvalidRosterIdCheck : IRuleCheck
{
    public static RuleKind Kind => RuleKind.InvalidRosterId;

    public static RuleNeeds Needs(Rule rule) => RuleNeeds.RosterOnly;

    public static void Run(MonthEvaluation month, Rule rule, List<Finding> findings)
    {
        var roster = month.Data.Roster;
        HashSet<string>? used = null;
        for (var i = 0; i < roster.Count; i++)
        {
            var row = roster[i];
            if (row.Id.IsValid || !month.IsHomeRow(i))
            {
                continue;
            }
            used ??= new HashSet<string>(StringComparer.Ordinal);
            var household = row.HouseholdId.Trim();
            var discriminator = PersonName.Normalise(row.Name);
            for (var n = 2; !used.Add($"{household}|{row.Id.Text}|{discriminator}"); n++)
            {
                discriminator = $"{PersonName.Normalise(row.Name)}#{n}";
            }
            var programmes = row.IsEnrolled ? MonthEvaluation.ProgrammesOf(1 << (int)row.Programme) : [];
            var evidence = new[] { new Evidence(row.Source, row.ExtractId, row.Row, EvidenceText.InvalidId(row.Id)) };
            findings.Add(month.NewFinding(rule, row.Id.Text, household, row.Name, row.Township, row.Village ?? "",
                programmes, Confidence.Exact, evidence, discriminator));
        }
    }
}
