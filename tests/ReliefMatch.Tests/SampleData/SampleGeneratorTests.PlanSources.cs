using System.Globalization;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Sources;
using ReliefMatch.Readers.Headers;
using ReliefMatch.Readers.Tables;

namespace ReliefMatch.Tests.SampleData;

/// <summary>
/// The plan's other sources in the sample: every file names its declaration's required fields within its first rows,
/// and the plain output holds both sides of every planted check, read back as the rules of docs/rules.md read them.
/// </summary>
public sealed partial class SampleGeneratorTests
{
    private static readonly string[] PlanChecks =
    [
        "recipient-vehicle", "recipient-property", "recipient-business", "recipient-income", "paid-after-death", "paid-not-enrolled",
        "enrolled-not-paid", "amount-mismatch", "shared-account", "kin-not-filed", "application-not-visited",
        "tag-monitored", "tag-poor-graduate", "tag-housing-aid", "tag-relocated",
    ];

    private static readonly string[] PlanSourceIds = SourceCatalog.Shipped.Sources.Select(s => s.Id)
        .Where(id => !SourceKinds.All.Any(k => k.Id() == id)).ToArray();

    [Fact]
    public void Write_PlanSources_EveryFileHasTheRequiredHeadersOfItsDeclaration()
    {
        Assert.Equal(14, PlanSourceIds.Length);
        foreach (var (folder, summary) in new[] { (folders.Messy, folders.MessySummary), (folders.Plain, folders.PlainSummary) })
        {
            var files = summary.Files.Where(f => PlanSourceIds.Contains(f.Source)).ToList();
            Assert.Equal(PlanSourceIds.Order(StringComparer.Ordinal), files.Select(f => f.Source).Distinct().Order(StringComparer.Ordinal));
            foreach (var file in files)
            {
                var declaration = SourceCatalog.Shipped.Find(file.Source)!;
                using var table = Open(Path.Combine(folder, file.Path));
                var head = HeaderLocator.ReadHead(table);
                Assert.True(head.Exists(row => Names(declaration, row.Cells).IsSupersetOf(declaration.HeaderRequirements.Select(r => r[0]))),
                    $"{file.Path}: no row of the first {HeaderLocator.SearchRows} names every required field of {declaration.File}");
                Assert.True(file.Rows > 0, $"{file.Path} has no rows");
            }
        }
        // 万元 where the contract says it occurs: a payment file and the business file.
        var messy = string.Join("\n", folders.MessySummary.Files.Where(f => f.Source is "payments" or "business").Select(f => HeadText(Path.Combine(folders.Messy, f.Path))));
        Assert.Contains("发放金额(万元)", messy, StringComparison.Ordinal);
        Assert.Contains("注册资本（万元）", messy, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_PlanSources_EveryCheckHasBothSidesPlanted()
    {
        foreach (var check in PlanChecks)
        {
            var cases = folders.MessySummary.Planted.Where(p => p.Key.StartsWith(check + ": ", StringComparison.Ordinal)).ToList();
            Assert.True(cases.Any(c => !c.Key.EndsWith("(no flag)", StringComparison.Ordinal)), $"{check}: nothing planted to flag");
            Assert.True(cases.Any(c => c.Key.EndsWith("(no flag)", StringComparison.Ordinal)), $"{check}: no near miss planted");
        }
        var note = File.ReadAllText(Path.Combine(folders.Messy, "SAMPLE-README.txt"));
        Assert.Contains("The plan's other checks, case by case", note, StringComparison.Ordinal);
        Assert.Matches(@"recipient-vehicle\n    flag     a 小型轿车, 正常, plate 桂C\w{5}: \S+ \d{6}\*{8}[\dX]{4}", note);
        // No resident ID in full: every one is masked (an application number is no ID).
        Assert.DoesNotMatch(@"(?<![\dA-Z])\d{17}[\dX](?!\d)", note.Split("The plan's other checks")[1]);
    }

    [Fact]
    public void Write_Plain_PaymentsHoldThePlantedCases()
    {
        var roster = HomeRoster();
        var payments = PlainCsv.Rows(folders.Plain, "payments").ToList();
        var inP = payments.Where(r => r["发放月份"] == "2023-07").ToList();
        Assert.Equal(12, payments.Select(r => r["发放月份"]).Distinct().Count());

        // paid-not-enrolled: P's assistance payments to an ID not enrolled in that programme at home.
        var enrolledIn = roster.Where(r => r.Enrolled).Select(r => (r.Id, r.Programme)).ToHashSet();
        var notEnrolled = inP.Where(r => r["补贴项目"] != "耕地地力保护补贴" && !enrolledIn.Contains((r["身份证号"], r["补贴项目"]))).ToList();
        Assert.Equal(Flagged("paid-not-enrolled"), notEnrolled.Count);
        Assert.Contains(inP, r => r["补贴项目"] == "耕地地力保护补贴");

        // enrolled-not-paid: households with an active dibao or tekun member, and no payment of P for them.
        var paidHouseholds = inP.Select(r => r["家庭编号"]).ToHashSet(StringComparer.Ordinal);
        var unpaid = roster.Where(r => r.Status == "在保" && r.Programme is "城市低保" or "农村低保" or "特困供养")
            .Select(r => r.Household).Distinct().Count(h => !paidHouseholds.Contains(h));
        Assert.Equal(Flagged("enrolled-not-paid"), unpaid);

        // amount-mismatch: the household's payments of P against its members' 月保障金额, tolerance 1 yuan.
        var differences = inP.Where(r => r["家庭编号"].Length > 0)
            .GroupBy(r => (Household: r["家庭编号"], Item: r["补贴项目"]))
            .Select(g => (g.Key, Paid: g.Sum(r => decimal.Parse(r["发放金额"], CultureInfo.InvariantCulture)),
                Members: roster.Where(m => m.Household == g.Key.Household && m.Programme == g.Key.Item && m.Enrolled).ToList()))
            .Where(g => g.Members.Count > 0)
            .Select(g => g.Paid - g.Members.Sum(m => m.Amount))
            .ToList();
        Assert.Equal(Flagged("amount-mismatch"), differences.Count(d => Math.Abs(d) > 1m));
        Assert.Contains(1m, differences);

        // shared-account: one account, P's payments of two households.
        var shared = inP.Where(r => r["家庭编号"].Length > 0).GroupBy(r => r["银行账号"]).Count(g => g.Select(r => r["家庭编号"]).Distinct().Count() > 1);
        Assert.Equal(Flagged("shared-account"), shared);
        Assert.Contains(inP.GroupBy(r => r["银行账号"]), g => g.Count() == 2 && g.Select(r => r["家庭编号"]).Distinct().Count() == 1);
    }

    [Fact]
    public void Write_Plain_AssetsIncomeAndApplicationsHoldThePlantedCases()
    {
        var roster = HomeRoster();
        var dibaoOrTekun = roster.Where(r => r.Enrolled && r.Programme is "城市低保" or "农村低保" or "特困供养").ToList();
        var recipients = dibaoOrTekun.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

        // recipient-vehicle: recipients' vehicles that count (正常, not an exempt type), and the near misses.
        var vehicles = PlainCsv.Rows(folders.Plain, "vehicles").Where(r => recipients.Contains(r["身份证明号码"])).ToList();
        Assert.Equal(Flagged("recipient-vehicle"), vehicles.Count(v => v["机动车状态"] is "正常" or "" && !v["车辆类型"].Contains("摩托车", StringComparison.Ordinal)));
        Assert.Contains(vehicles, v => v["车辆类型"].Contains("摩托车", StringComparison.Ordinal) && v["机动车状态"] == "正常");
        Assert.Contains(vehicles, v => v["机动车状态"] == "注销");

        // recipient-business: recipients with a counting role in an active entity.
        var business = PlainCsv.Rows(folders.Plain, "business").Where(r => recipients.Contains(r["身份证号"])).ToList();
        Assert.Equal(Flagged("recipient-business"), business.Count(b => b["身份"] is "法定代表人" or "股东" or "投资人" or "经营者" && b["登记状态"] is "存续" or "在业" or "开业"));
        Assert.Contains(business, b => b["登记状态"] == "注销");

        // recipient-property: recipients' households with two homes or a business use.
        var householdOf = dibaoOrTekun.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().Household, StringComparer.Ordinal);
        var property = PlainCsv.Rows(folders.Plain, "property").Where(r => householdOf.ContainsKey(r["权利人证件号"])).GroupBy(r => householdOf[r["权利人证件号"]]).ToList();
        Assert.Equal(Flagged("recipient-property"), property.Count(g =>
            g.Where(r => r["用途"] == "住宅").Select(r => r["坐落"]).Distinct().Count() > 1 || g.Any(r => r["用途"] is "商业" or "办公" or "商服" or "工业")));
        Assert.Contains(property, g => g.Count() == 2 && g.Select(r => r["坐落"]).Distinct().Count() == 1);

        // recipient-income: dibao households whose members' income of the 12 months is over standard × 12 × members.
        var income = PlainCsv.Rows(folders.Plain, "income").Where(r => recipients.Contains(r["身份证号"]))
            .GroupBy(r => r["身份证号"]).ToDictionary(g => g.Key, g => g.Sum(r => decimal.Parse(r["金额"], CultureInfo.InvariantCulture)), StringComparer.Ordinal);
        var margins = dibaoOrTekun.Where(r => r.Programme != "特困供养").GroupBy(r => r.Household).Select(g =>
        {
            var standard = g.First().Programme == "城市低保" ? 800m : 450m;
            return g.Sum(m => income.GetValueOrDefault(m.Id)) - standard * 12 * g.Count();
        }).Where(m => m > -1000).ToList();
        Assert.Equal(Flagged("recipient-income"), margins.Count(m => m > 0));
        Assert.Contains(-12m, margins);

        // application-not-visited: no visit, and decided or accepted more than 30 days before end(P).
        var applications = PlainCsv.Rows(folders.Plain, "applications").ToList();
        var due = End.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(Flagged("application-not-visited"), applications.Count(a => a["入户调查日期"].Length == 0
            && (a["审批日期"].Length > 0 || string.CompareOrdinal(a["受理日期"], due) < 0)));
        Assert.Contains(applications, a => a["入户调查日期"].Length == 0 && a["受理日期"] == due);

        // kin-not-filed: the filings on end(P) and the day after, and the students and aid that the tags read.
        var filed = PlainCsv.Rows(folders.Plain, "kin-filings").Select(r => r["备案日期"]).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("2023-07-31", filed);
        Assert.Contains("2023-08-01", filed);
        Assert.Contains(PlainCsv.Rows(folders.Plain, "students"), s => s["学籍状态"] == "毕业" && s["就业状态"] == "未就业" && IsEnrolled(s["身份证号"]));
        Assert.Contains(PlainCsv.Rows(folders.Plain, "housing-aid"), h => h["批准日期"] == "2023-08-05");

        bool IsEnrolled(string id) => roster.Any(r => r.Enrolled && r.Id == id);
    }

    [Fact]
    public void Write_Plain_HukouHoldsEveryLivingHomeRecipientOnce()
    {
        var hukou = PlainCsv.Rows(folders.Plain, "hukou").ToList();
        Assert.Equal(hukou.Count, hukou.Select(r => r["公民身份号码"]).Distinct().Count());
        var registered = hukou.Select(r => r["公民身份号码"]).ToHashSet(StringComparer.Ordinal);
        var staff = PlainCsv.Rows(folders.Plain, "staff").Select(r => r["身份证号"]).ToList();
        Assert.All(staff, id => Assert.Contains(id, registered));
        // Everyone enrolled at home with a valid ID is registered, but the dead and the planted people.
        var missing = HomeRoster().Where(r => r.Enrolled && ResidentIdParser.Parse(r.Id).IsValid && !registered.Contains(r.Id)).Select(r => r.Id).Distinct().Count();
        Assert.InRange(missing, 0, Planted("deceased-recipient: enrolled, died by end(P)") + 2);
    }

    private int Flagged(string check) =>
        folders.PlainSummary.Planted.Where(p => p.Key.StartsWith(check + ": ", StringComparison.Ordinal) && !p.Key.EndsWith("(no flag)", StringComparison.Ordinal)).Sum(p => p.Value);

    private sealed record RosterRow(string Household, string Id, string Programme, string Status, decimal Amount)
    {
        public bool Enrolled => Status is "在保" or "渐退";
    }

    private List<RosterRow> HomeRoster() =>
        PlainCsv.Read(Path.Combine(folders.Plain, "roster", "roster-450326-202307.csv")).Rows
            .Select(r => new RosterRow(r["家庭编号"], r["身份证号"], r["救助类别"], r["保障状态"],
                r["月保障金额"].Length == 0 ? 0m : decimal.Parse(r["月保障金额"], CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>The declared fields a header row names: a declared spelling after normalising, or a money field's spelling with (万元).</summary>
    private static HashSet<string> Names(SourceDeclaration declaration, IEnumerable<string> cells)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in cells.Select(HeaderText.Normalise))
        {
            foreach (var field in declaration.Fields)
            {
                if (field.Headers.Any(h => HeaderText.Normalise(h) == cell
                    || field.Type == FieldType.Money && HeaderText.Normalise(h) + "(万元)" == cell))
                {
                    names.Add(field.Name);
                }
            }
        }
        return names;
    }

    private static TableSource Open(string path)
    {
        if (path.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            return new XlsxTableSource(path, Path.GetFileName(path), XlsxLimits.Extracts);
        }
        var bytes = File.ReadAllBytes(path);
        return new CsvTableSource(path, Path.GetFileName(path), TextEncodings.Detect(bytes, wholeFile: true));
    }

    private static string HeadText(string path)
    {
        using var table = Open(path);
        return string.Join("\n", HeaderLocator.ReadHead(table).Select(r => string.Join(",", r.Cells)));
    }
}
