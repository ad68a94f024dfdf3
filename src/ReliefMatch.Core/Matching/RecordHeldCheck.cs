using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Sources;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// <c>record-held</c> (general): a record of a declared source, tied by exact or repaired identity to one of the rule's
/// holders and meeting its conditions, counted per person or per household against the rule's thresholds. The shipped
/// recipient-vehicle, recipient-property and recipient-business rules and the tags of the students, housing-aid and
/// relocation sources are files of this kind; a county adds another (公积金 deposits, say) by a file alone.
/// </summary>
internal sealed class RecordHeldCheck : IRuleCheck
{
    public static RuleKind Kind => RuleKind.RecordHeld;

    public static RuleNeeds Needs(Rule rule)
    {
        var p = (RecordHeldParameters)rule.Parameters;
        return new()
        {
            Sources = [p.Holders == Holders.Enrolled ? [SourceKind.Roster] : [SourceKind.Roster, SourceKind.Monitoring]],
            DeclaredSources = [[p.Source]],
            DeclaredFields = [.. DeclaredRecords.NeededFields(p.Source, p.Where.Concat(p.FlagWhen.SelectMany(c => c.Where)))],
            // Only records tied to an enrolled or low-income person are held.
            TiedRecordsOnly = [p.Source],
        };
    }

    public static void Run(MonthEvaluation month, Rule rule, List<Finding> findings)
    {
        var p = (RecordHeldParameters)rule.Parameters;
        if (month.Declared(p.Source) is not { } declared)
        {
            return;
        }
        var (table, matches) = declared;
        var where = DeclaredRecords.Compile(p.Where, table, month.Period, rule);
        var counts = p.FlagWhen.Select(c => (Count: c, Where: DeclaredRecords.Compile(c.Where, table, month.Period, rule),
            Distinct: c.DistinctBy is { } f ? DistinctValues(table, f, rule) : null)).ToArray();
        foreach (var field in p.Show)
        {
            DeclaredRecords.Field(table, field, rule);
        }

        var held = new Dictionary<int, List<int>>();
        for (var r = 0; r < table.Count; r++)
        {
            var m = matches[r];
            if (!DeclaredRecords.IsTied(m)
                || !(p.Holders == Holders.Enrolled ? month.HasHomeEnrolled(m.Person) : month.IsLowIncomePopulation(m.Person))
                || !where(r))
            {
                continue;
            }
            if (!held.TryGetValue(m.Person, out var rows))
            {
                held.Add(m.Person, rows = []);
            }
            rows.Add(r);
        }
        if (held.Count == 0)
        {
            return;
        }

        List<int>? Flagged(List<int> rows)
        {
            List<int>? shown = null;
            foreach (var (count, test, distinct) in counts)
            {
                var passing = rows.Where(test).ToList();
                var n = distinct is null ? passing.Count
                    : passing.Count(r => distinct[r].Length == 0) + passing.Select(r => distinct[r]).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Count();
                if (n > count.MoreThan)
                {
                    (shown ??= []).AddRange(passing);
                }
            }
            return shown?.Distinct().Order().ToList();
        }

        List<Evidence> EvidenceOf(List<int> rows, out Confidence confidence)
        {
            var c = Confidence.Repaired;
            var evidence = new List<Evidence>(rows.Count);
            foreach (var r in rows.OrderBy(r => table.ExtractIds[r]).ThenBy(r => table.Rows[r]))
            {
                c = MonthEvaluation.Stronger(c, matches[r].Confidence!.Value);
                evidence.Add(DeclaredRecords.EvidenceOf(table, r, DeclaredRecords.Describe(table, r, p.Show, matches[r].Confidence!.Value)));
            }
            confidence = c;
            return evidence;
        }

        if (p.Per == FindingUnit.Person)
        {
            foreach (var (person, rows) in held)
            {
                if (Flagged(rows) is not { } shown)
                {
                    continue;
                }
                var evidence = EvidenceOf(shown, out var confidence);
                if (p.Holders == Holders.LowIncome)
                {
                    var place = DeclaredRecords.Place(month, person, table, shown[0]);
                    findings.Add(month.NewFinding(rule, month.Index.IdNumber(person), place.HouseholdId, place.Name, place.Township, place.Village,
                        month.HouseholdProgrammes(place.HouseholdId), confidence, evidence));
                    continue;
                }
                var roster = month.Data.Roster;
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var r in month.Index.RosterRows(person))
                {
                    var row = roster[r];
                    if (month.IsHomeRow(r) && row.IsEnrolled && (p.ProgrammeMask & 1 << (int)row.Programme) != 0 && seen.Add(RosterHousehold.KeyOf(row)))
                    {
                        findings.Add(month.NewFinding(rule, month.Index.IdNumber(person), RosterHousehold.KeyOf(row), row.Name, row.Township, row.Village ?? "",
                            month.HouseholdProgrammes(row.HouseholdId), confidence, evidence));
                    }
                }
            }
            return;
        }

        // Per household: the records of its enrolled members together.
        var mask = p.Holders == Holders.Enrolled ? p.ProgrammeMask : -1;
        var byHousehold = new Dictionary<RosterHousehold, List<int>>();
        foreach (var (person, rows) in held)
        {
            foreach (var r in month.Index.RosterRows(person))
            {
                var row = month.Data.Roster[r];
                if (!month.IsHomeRow(r) || !row.IsEnrolled || month.Household(row.HouseholdId) is not { } household || (household.ProgrammeMask & mask) == 0)
                {
                    continue;
                }
                if (!byHousehold.TryGetValue(household, out var list))
                {
                    byHousehold.Add(household, list = []);
                }
                list.AddRange(rows.Where(x => !list.Contains(x)));
            }
        }
        foreach (var (household, rows) in byHousehold)
        {
            if (Flagged(rows) is { } shown)
            {
                var evidence = EvidenceOf(shown, out var confidence);
                findings.Add(HouseholdFinding.Make(month, rule, household, evidence) with { Confidence = confidence });
            }
        }
    }

    private static string[] DistinctValues(DeclaredTable table, string field, Rule rule)
    {
        DeclaredRecords.Field(table, field, rule);
        var values = new string[table.Count];
        for (var r = 0; r < table.Count; r++)
        {
            values[r] = DeclaredRecords.Cell(table, field, r);
        }
        return values;
    }
}
