using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Sources;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// <c>kin-not-filed</c>: a home-county person enrolled in any programme who is on the staff roster, or shares a 户号
/// of the hukou snapshot with someone who is, and has no kin filing (by ID) dated on or before end(P). One finding per
/// person and home household; the evidence names the staff member (ID masked) and the shared 户号. Without a hukou
/// snapshot only the staff themselves are checked.
/// </summary>
internal sealed class KinNotFiledCheck : IRuleCheck
{
    private const string Staff = "staff", Hukou = "hukou", Filings = "kin-filings";

    public static RuleKind Kind => RuleKind.KinNotFiled;

    public static RuleNeeds Needs(Rule rule) => new()
    {
        Sources = [[SourceKind.Roster]],
        DeclaredSources = [[Staff], [Filings]],
        OptionalDeclaredSources = [Hukou],
        DeclaredFields = [new(Filings, "filed_on")],
    };

    public static void Run(MonthEvaluation month, Rule rule, List<Finding> findings)
    {
        if (month.Declared(Staff) is not { } staff || month.Declared(Filings) is not { } filings)
        {
            return;
        }
        var filed = new HashSet<long>();
        var filedOn = filings.Table.Dates("filed_on");
        for (var r = 0; r < filings.Table.Count; r++)
        {
            if (filedOn[r] is { } d && d <= month.End && KeyOf(month, filings.Table, filings.Matches, r) is var k and not 0)
            {
                filed.Add(k);
            }
        }

        // Who is related to whom: the person, the staff row, and the 户号 row (−1 when the person is the staff member).
        var links = new Dictionary<int, List<(int StaffRow, int HukouRow)>>();
        void Link(int person, int staffRow, int hukouRow)
        {
            if (!month.HasHomeEnrolled(person) || filed.Contains(month.Index.Key(person)))
            {
                return;
            }
            if (!links.TryGetValue(person, out var list))
            {
                links.Add(person, list = []);
            }
            list.Add((staffRow, hukouRow));
        }
        var staffByKey = new Dictionary<long, int>();
        for (var s = 0; s < staff.Table.Count; s++)
        {
            if (DeclaredRecords.IsTied(staff.Matches[s]))
            {
                Link(staff.Matches[s].Person, s, -1);
            }
            if (KeyOf(month, staff.Table, staff.Matches, s) is var k and not 0)
            {
                staffByKey.TryAdd(k, s);
            }
        }
        if (month.Declared(Hukou) is { } hukou)
        {
            var numbers = hukou.Table.Text("hukou_no");
            var staffOfHukou = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var h = 0; h < hukou.Table.Count; h++)
            {
                if (numbers[h]?.Trim() is { Length: > 0 } no && KeyOf(month, hukou.Table, hukou.Matches, h) is var k and not 0 && staffByKey.TryGetValue(k, out var s))
                {
                    if (!staffOfHukou.TryGetValue(no, out var list))
                    {
                        staffOfHukou.Add(no, list = []);
                    }
                    list.Add(s);
                }
            }
            for (var h = 0; h < hukou.Table.Count; h++)
            {
                if (numbers[h]?.Trim() is { Length: > 0 } no && staffOfHukou.TryGetValue(no, out var list) && DeclaredRecords.IsTied(hukou.Matches[h]))
                {
                    var person = hukou.Matches[h].Person;
                    foreach (var s in list)
                    {
                        if (KeyOf(month, staff.Table, staff.Matches, s) != month.Index.Key(person))
                        {
                            Link(person, s, h);
                        }
                    }
                }
            }
        }

        var roster = month.Data.Roster;
        foreach (var (person, list) in links)
        {
            var evidence = new List<Evidence>();
            foreach (var (s, h) in list.Distinct())
            {
                var role = string.Join("，", new[] { "role", "unit", "post" }.Select(f => DeclaredRecords.TextOrEmpty(staff.Table, f, s)).Where(v => v.Length > 0));
                evidence.Add(h < 0
                    ? DeclaredRecords.EvidenceOf(staff.Table, s, $"{staff.Table.Declaration.ChineseName}：本人在册（{role}）")
                    : DeclaredRecords.EvidenceOf(month.Declared(Hukou)!.Value.Table, h,
                        $"{month.Declared(Hukou)!.Value.Table.Declaration.ChineseName}：与工作人员 {staff.Table.Names[s]}（{Masked(staff.Table, s)}，{role}）同户，户号 {DeclaredRecords.TextOrEmpty(month.Declared(Hukou)!.Value.Table, "hukou_no", h)}"));
            }
            var firstStaff = list[0].StaffRow;
            evidence.Add(DeclaredRecords.EvidenceOf(staff.Table, firstStaff, $"{filings.Table.Declaration.ChineseName}：截至 {EvidenceText.Date(month.End)} 无本人备案记录"));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in month.Index.RosterRows(person))
            {
                var row = roster[r];
                if (month.IsHomeRow(r) && row.IsEnrolled && seen.Add(RosterHousehold.KeyOf(row)))
                {
                    findings.Add(month.NewFinding(rule, month.Index.IdNumber(person), RosterHousehold.KeyOf(row), row.Name, row.Township, row.Village ?? "",
                        month.HouseholdProgrammes(row.HouseholdId), Confidence.Exact, evidence));
                }
            }
        }
    }

    private static string Masked(DeclaredTable table, int row) =>
        table.Ids[row].IsValid ? ResidentId.Mask(table.Ids[row].Id!.Value.ToString()) : ResidentId.Mask(table.Ids[row].Text);

    /// <summary>The ID key of a record: its valid ID, or the ID its invalid one was repaired to; 0 otherwise.</summary>
    private static long KeyOf(MonthEvaluation month, DeclaredTable table, IdentityMatch[] matches, int row) =>
        table.Ids[row].IsValid ? table.Ids[row].Key : matches[row].Confidence == Confidence.Repaired ? month.Index.Key(matches[row].Person) : 0;
}
