using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// <c>paid-not-enrolled</c>: a payment for P of a programme to an ID not enrolled in that programme (urban and rural
/// dibao told apart) in any home-county household of the roster set. One finding per ID and programme; an ID that is
/// invalid and repairs to nobody is flagged as written, since nobody on the roster holds it.
/// </summary>
internal sealed class PaidNotEnrolledCheck : IRuleCheck
{
    public static RuleKind Kind => RuleKind.PaidNotEnrolled;

    public static RuleNeeds Needs(Rule rule) => Payments.Needs();

    public static void Run(MonthEvaluation month, Rule rule, List<Finding> findings)
    {
        if (Payments.Of(month) is not { } payments)
        {
            return;
        }
        var roster = month.Data.Roster;
        var enrolled = new HashSet<(long, Programme)>();
        for (var i = 0; i < roster.Count; i++)
        {
            if (month.IsHomeRow(i) && roster[i].IsEnrolled && month.Index.PersonOfRow(i) is var p and >= 0)
            {
                enrolled.Add((month.Index.Key(p), roster[i].Programme));
            }
        }
        var flagged = new Dictionary<(string Id, Programme Programme), List<int>>();
        foreach (var r in payments.For(month.Period))
        {
            var key = payments.Keys[r];
            var programme = payments.Programmes[r]!.Value;
            if (key != 0 && enrolled.Contains((key, programme)))
            {
                continue;
            }
            var id = key != 0 ? Payments.IdOf(key) : payments.Table.Ids[r].Text;
            if (!flagged.TryGetValue((id, programme), out var rows))
            {
                flagged.Add((id, programme), rows = []);
            }
            rows.Add(r);
        }
        foreach (var ((id, programme), rows) in flagged)
        {
            var key = payments.Keys[rows[0]];
            var person = key != 0 ? month.Index.FirstWithKey(key) : -1;
            var evidence = rows.Select(payments.Evidence).ToList();
            evidence.Add(DeclaredRecords.EvidenceOf(payments.Table, rows[0], Enrolment(month, person, programme)));
            var township = DeclaredRecords.TextOrEmpty(payments.Table, "township", rows[0]);
            var village = DeclaredRecords.TextOrEmpty(payments.Table, "village", rows[0]);
            var home = person >= 0 ? month.HomeRowOf(person) : -1;
            if (township.Length == 0 && home >= 0)
            {
                (township, village) = (roster[home].Township, roster[home].Village ?? "");
            }
            var confidence = key != 0 && !payments.Table.Ids[rows[0]].IsValid ? Confidence.Repaired : Confidence.Exact;
            findings.Add(month.NewFinding(rule, id, "", payments.Table.Names[rows[0]], township, village, [], confidence, evidence, programme.Id()));
        }
    }

    /// <summary><c>花名册：本县无该身份证号的农村低保在保记录</c>, with the person's home rows of the programme if any.</summary>
    private static string Enrolment(MonthEvaluation month, int person, Programme programme)
    {
        var rows = new List<string>();
        if (person >= 0)
        {
            foreach (var r in month.Index.RosterRows(person))
            {
                var row = month.Data.Roster[r];
                if (month.IsHomeRow(r) && row.Programme == programme)
                {
                    rows.Add($"家庭编号 {row.HouseholdId.Trim()} {programme.Chinese()} {(row.IsEnrolled ? "在保" : "已停保")}");
                }
            }
        }
        return rows.Count > 0 ? "花名册：" + string.Join("；", rows) : $"花名册：本县无该身份证号的{programme.Chinese()}在保记录";
    }
}
