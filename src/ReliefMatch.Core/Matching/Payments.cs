using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Sources;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// The 一卡通 payments of a month as the payment checks read them (data contract, <c>payments</c>): each row's programme
/// (the item mapped with the roster's code list), month, amount, account and household id, and the ID key it went to.
/// </summary>
internal sealed class Payments
{
    public const string Source = "payments";

    /// <summary>What every payment check reads of the source: the month and the programme of each row.</summary>
    public static RuleNeeds Needs(params string[] moreFields) => new()
    {
        Sources = [[SourceKind.Roster]],
        DeclaredSources = [[Source]],
        DeclaredFields = [new(Source, "paid_month"), new(Source, "item"), .. moreFields.Select(f => new DeclaredField(Source, f))],
    };

    private Payments(DeclaredTable table, IdentityMatch[] matches, MonthEvaluation month)
    {
        Table = table;
        Months = table.Months("paid_month");
        Amounts = table.Amounts("amount");
        var items = table.Text("item");
        Programmes = new Programme?[table.Count];
        Keys = new long[table.Count];
        for (var r = 0; r < table.Count; r++)
        {
            Programmes[r] = DeclaredRecords.ProgrammeOf(items[r]);
            Keys[r] = table.Ids[r].IsValid ? table.Ids[r].Key
                : matches[r].Confidence == Confidence.Repaired ? month.Index.Key(matches[r].Person) : 0;
        }
    }

    /// <summary>The month's payments; null when it has none of the source.</summary>
    public static Payments? Of(MonthEvaluation month) =>
        month.Declared(Source) is { } d ? new Payments(d.Table, d.Matches, month) : null;

    public DeclaredTable Table { get; }
    public IReadOnlyList<ReportingMonth?> Months { get; }
    public IReadOnlyList<decimal?> Amounts { get; }

    /// <summary>The programme of each row; null for an item that is not assistance (耕地地力保护补贴).</summary>
    public Programme?[] Programmes { get; }

    /// <summary>The ID key each row went to: its valid ID, or the ID its invalid one was repaired to; 0 when neither.</summary>
    public long[] Keys { get; }

    /// <summary>The rows of assistance paid for <paramref name="period"/>.</summary>
    public IEnumerable<int> For(ReportingMonth period)
    {
        for (var r = 0; r < Table.Count; r++)
        {
            if (Programmes[r] is not null && Months[r] == period)
            {
                yield return r;
            }
        }
    }

    public string HouseholdId(int row) => DeclaredRecords.TextOrEmpty(Table, "household_id", row);

    /// <summary><c>一卡通发放：2023-07 农村低保 600.00 元，银行账号 6217…</c>.</summary>
    public Evidence Evidence(int row)
    {
        var account = DeclaredRecords.TextOrEmpty(Table, "account", row);
        var amount = Amounts[row] is { } a ? $" {EvidenceText.Money(a)} 元" : "";
        var text = $"{Table.Declaration.ChineseName}：{Table.Names[row]} {Months[row]} {Programmes[row]?.Chinese()}{amount}" +
            (account.Length > 0 ? $"，{Table.Declaration.Field("account")?.Headers[0] ?? "账号"} {account}" : "");
        return DeclaredRecords.EvidenceOf(Table, row, text);
    }

    /// <summary>The sum of the rows' amounts (a row without one counts 0).</summary>
    public decimal Sum(IEnumerable<int> rows) => rows.Sum(r => Amounts[r] ?? 0m);

    /// <summary>An ID key as the 18-character ID.</summary>
    public static string IdOf(long key) => ResidentId.FromKey(key).ToString();
}
