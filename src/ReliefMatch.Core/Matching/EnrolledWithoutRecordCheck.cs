using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// <c>enrolled-without-record</c> (general): a home-county household with a member enrolled (active) in a programme for
/// which the source has no record for P of that programme to any member's ID or carrying the household id; only when
/// the source has records for P at all. The shipped enrolled-not-paid rule is a file of this kind.
/// </summary>
internal sealed class EnrolledWithoutRecordCheck : IRuleCheck
{
    public static RuleKind Kind => RuleKind.EnrolledWithoutRecord;

    public static RuleNeeds Needs(Rule rule)
    {
        var p = (EnrolledWithoutRecordParameters)rule.Parameters;
        return new()
        {
            Sources = [[SourceKind.Roster]],
            DeclaredSources = [[p.Source]],
            DeclaredFields = [new(p.Source, p.MonthField), new(p.Source, p.ProgrammeField)],
        };
    }

    public static void Run(MonthEvaluation month, Rule rule, List<Finding> findings)
    {
        var p = (EnrolledWithoutRecordParameters)rule.Parameters;
        if (month.Declared(p.Source) is not { } declared)
        {
            return;
        }
        var (table, matches) = declared;
        var months = table.Months(DeclaredRecords.Field(table, p.MonthField, rule).Name);
        var items = table.Text(DeclaredRecords.Field(table, p.ProgrammeField, rule).Name);
        var household = p.HouseholdField is { } h ? DeclaredRecords.Field(table, h, rule).Name : null;
        var paidKeys = new HashSet<(long, Programme)>();
        var paidHouseholds = new HashSet<(string, Programme)>();
        var any = false;
        for (var r = 0; r < table.Count; r++)
        {
            if (months[r] != month.Period)
            {
                continue;
            }
            any = true;
            if (DeclaredRecords.ProgrammeOf(items[r]) is not { } programme)
            {
                continue;
            }
            var key = table.Ids[r].IsValid ? table.Ids[r].Key : matches[r].Confidence == Confidence.Repaired ? month.Index.Key(matches[r].Person) : 0;
            if (key != 0)
            {
                paidKeys.Add((key, programme));
            }
            if (household is not null && DeclaredRecords.TextOrEmpty(table, household, r) is { Length: > 0 } id)
            {
                paidHouseholds.Add((id, programme));
            }
        }
        if (!any)
        {
            // The source has nothing for P yet: no proof that nothing was paid.
            return;
        }
        var roster = month.Data.Roster;
        foreach (var (home, rows) in HouseholdMembers.Of(month))
        {
            foreach (var programme in p.Programmes)
            {
                var active = rows.Where(i => roster[i].Status == EnrolmentStatus.Active && roster[i].Programme == programme).ToList();
                if (active.Count == 0 || paidHouseholds.Contains((home.Id, programme))
                    || rows.Exists(i => HouseholdMembers.KeyOf(month, i) is var k and not 0 && paidKeys.Contains((k, programme))))
                {
                    continue;
                }
                var head = roster[home.Head];
                var names = string.Join("、", active.Select(i => roster[i].Name).Distinct(StringComparer.Ordinal));
                var evidence = new[]
                {
                    new Evidence(head.Source, head.ExtractId, head.Row,
                        $"{table.Declaration.ChineseName}：{month.Period} 无{programme.Chinese()}发放记录（在保成员 {active.Count} 人：{names}）"),
                };
                findings.Add(HouseholdFinding.Make(month, rule, home, evidence) with { Discriminator = programme.Id() });
            }
        }
    }
}
