using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// <c>amount-over-window</c> (general): per home-county household with a member enrolled in one of the rule's
/// programmes, the amounts of its enrolled members' records over the months of the window ending P, against a fixed
/// limit or the standards × months × members. The shipped recipient-income rule is a file of this kind.
/// </summary>
internal sealed class AmountOverWindowCheck : IRuleCheck
{
    public static RuleKind Kind => RuleKind.AmountOverWindow;

    public static RuleNeeds Needs(Rule rule)
    {
        var p = (AmountOverWindowParameters)rule.Parameters;
        return new()
        {
            Sources = [[SourceKind.Roster]],
            DeclaredSources = [[p.Source]],
            DeclaredFields = [new(p.Source, p.AmountField), new(p.Source, p.MonthField), .. DeclaredRecords.NeededFields(p.Source, p.Where)],
            // Only records tied to a person enrolled in the home county are summed.
            TiedRecordsOnly = [p.Source],
        };
    }

    public static void Run(MonthEvaluation month, Rule rule, List<Finding> findings)
    {
        var p = (AmountOverWindowParameters)rule.Parameters;
        if (month.Declared(p.Source) is not { } declared)
        {
            return;
        }
        var (table, matches) = declared;
        var where = DeclaredRecords.Compile(p.Where, table, month.Period, rule);
        DeclaredRecords.Field(table, p.AmountField, rule);
        DeclaredRecords.Field(table, p.MonthField, rule);
        var amounts = table.Amounts(p.AmountField);
        var months = table.Months(p.MonthField);
        var first = month.Period.Ordinal - (p.WindowMonths - 1);
        var groups = p.GroupBy is { } g ? DeclaredRecords.Field(table, g, rule).Name : null;

        // The records in the window of persons enrolled in the home county, by person.
        var byPerson = new Dictionary<int, List<int>>();
        for (var r = 0; r < table.Count; r++)
        {
            var m = matches[r];
            if (!DeclaredRecords.IsTied(m) || !month.HasHomeEnrolled(m.Person) || amounts[r] is null
                || months[r] is not { } when || when.Ordinal < first || when.Ordinal > month.Period.Ordinal || !where(r))
            {
                continue;
            }
            if (!byPerson.TryGetValue(m.Person, out var rows))
            {
                byPerson.Add(m.Person, rows = []);
            }
            rows.Add(r);
        }
        if (byPerson.Count == 0)
        {
            return;
        }

        // Each household's enrolled members (persons, once) with their programmes.
        var members = new Dictionary<RosterHousehold, List<(int Person, Programme Programme, int Row)>>();
        var roster = month.Data.Roster;
        for (var i = 0; i < roster.Count; i++)
        {
            var row = roster[i];
            if (!month.IsHomeRow(i) || !row.IsEnrolled || month.Household(row.HouseholdId) is not { } household || (household.ProgrammeMask & p.ProgrammeMask) == 0)
            {
                continue;
            }
            if (!members.TryGetValue(household, out var list))
            {
                members.Add(household, list = []);
            }
            var person = month.Index.PersonOfRow(i);
            if (person < 0 || !list.Exists(x => x.Person == person))
            {
                list.Add((person, row.Programme, i));
            }
        }

        foreach (var (household, list) in members)
        {
            if (!list.Exists(x => x.Person >= 0 && byPerson.ContainsKey(x.Person)))
            {
                continue;
            }
            var total = 0m;
            foreach (var (person, _, _) in list)
            {
                if (person >= 0 && byPerson.TryGetValue(person, out var rows))
                {
                    total += rows.Sum(r => amounts[r]!.Value);
                }
            }
            var counted = p.Threshold is null ? list.Count(x => p.Standards.ContainsKey(x.Programme)) : 0;
            var limit = p.Threshold ?? list.Sum(x => p.Standards.GetValueOrDefault(x.Programme)) * p.WindowMonths;
            if (total <= limit)
            {
                continue;
            }
            var evidence = new List<Evidence>();
            var confidence = Confidence.Repaired;
            var window = $"{ReportingMonth.FromOrdinal(first)}至{month.Period}";
            foreach (var (person, _, rosterRow) in list)
            {
                if (person < 0 || !byPerson.TryGetValue(person, out var rows))
                {
                    continue;
                }
                foreach (var group in rows.GroupBy(r => groups is null ? "" : DeclaredRecords.Cell(table, groups, r), StringComparer.Ordinal).OrderBy(x => x.Key, StringComparer.Ordinal))
                {
                    var last = group.OrderBy(r => months[r]!.Value).ThenBy(r => table.ExtractIds[r]).ThenBy(r => table.Rows[r]).Last();
                    var inMonths = group.Select(r => months[r]!.Value).Distinct().Count();
                    var what = group.Key.Length > 0 ? group.Key + " " : "";
                    evidence.Add(DeclaredRecords.EvidenceOf(table, last,
                        $"{table.Declaration.ChineseName}：{roster[rosterRow].Name} {what}{inMonths}个月合计 {EvidenceText.Money(group.Sum(r => amounts[r]!.Value))} 元（{window}）"));
                    foreach (var r in group)
                    {
                        confidence = MonthEvaluation.Stronger(confidence, matches[r].Confidence!.Value);
                    }
                }
            }
            var against = p.Threshold is { } fixedLimit
                ? $"超过 {EvidenceText.Money(fixedLimit)} 元"
                : $"超过 保障标准×{p.WindowMonths}个月×{counted}人 = {EvidenceText.Money(limit)} 元（{string.Join("、", p.Standards.OrderBy(s => s.Key).Select(s => $"{s.Key.Chinese()} {EvidenceText.Money(s.Value)} 元/人/月"))}）";
            var head = evidence[0];
            evidence.Insert(0, head with
            {
                Text = $"{table.Declaration.ChineseName}：近{p.WindowMonths}个月（{window}）家庭在保成员合计 {EvidenceText.Money(total)} 元，{against}",
                Amount = total,
            });
            findings.Add(HouseholdFinding.Make(month, rule, household, evidence) with { Confidence = confidence });
        }
    }
}
