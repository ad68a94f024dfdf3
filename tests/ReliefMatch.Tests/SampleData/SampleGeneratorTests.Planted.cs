using System.Globalization;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Tests.SampleData;

/// <summary>The planted cases, read back from the plain output as a rule would see them.</summary>
public sealed partial class SampleGeneratorTests
{
    private static readonly DateOnly End = new(2023, 7, 31);

    [Fact]
    public void Write_Plain_RosterIdsValidExceptThePlantedFlaws()
    {
        var home = PlainCsv.Read(Path.Combine(folders.Plain, "roster", "roster-450326-202307.csv")).Rows;
        var invalid = home.Where(r => !ResidentIdParser.Parse(r["身份证号"]).IsValid).ToList();

        Assert.Equal(Planted("invalid-roster-id: wrong check character"), invalid.Count(r => r["身份证号"].Length > 0));
        Assert.Equal(Planted("invalid-roster-id: missing"), invalid.Count(r => r["身份证号"].Length == 0));
        Assert.All(invalid.Where(r => r["身份证号"].Length > 0),
            r => Assert.Equal(IdProblem.WrongCheckCharacter, ResidentIdParser.Parse(r["身份证号"]).Problem));
    }

    [Fact]
    public void Write_Plain_OnlyThePlantedPeopleAreEnrolledTwice()
    {
        // IDs are unique by construction, so every person enrolled in two households is a planted case.
        var rows = PlainCsv.Rows(folders.Plain, "roster").ToList();
        var twice = rows
            .Where(r => r["保障状态"] is "在保" or "渐退" && ResidentIdParser.Parse(r["身份证号"]).IsValid)
            .GroupBy(r => r["身份证号"], StringComparer.Ordinal)
            .Where(g => g.Select(r => r["区划代码"] + "/" + r["家庭编号"]).Distinct().Count() > 1)
            .ToList();

        var expected = Planted("duplicate-enrolment: home and neighbour county") + Planted("duplicate-enrolment: two home households")
            + Planted("dibao-tekun-overlap");
        Assert.Equal(expected, twice.Count);
        Assert.Equal(Planted("duplicate-enrolment: home and neighbour county"),
            twice.Count(g => g.Select(r => r["区划代码"]).Distinct().Count() == 2));
        Assert.Equal(Planted("dibao-tekun-overlap"),
            twice.Count(g => g.Any(r => r["救助类别"] == "特困供养") && g.Any(r => r["救助类别"] is "农村低保" or "城市低保")));
        // The same name wherever the person is listed.
        Assert.All(twice, g => Assert.Single(g.Select(r => r["姓名"]).Distinct()));
    }

    [Fact]
    public void Write_Plain_CheckAndVisitDatesOnTheSixMonthBoundary()
    {
        var home = PlainCsv.Read(Path.Combine(folders.Plain, "roster", "roster-450326-202307.csv")).Rows;
        var households = home.GroupBy(r => r["家庭编号"], StringComparer.Ordinal).ToList();

        // 2023-01-31 + 6 months = 2023-07-31, not before end(P); the day before is overdue.
        Assert.Contains(households, h => h.All(r => r["最近核对日期"] == "2023-01-31"));
        Assert.Contains(households, h => h.All(r => r["最近核对日期"] == "2023-01-30"));
        Assert.Contains(households, h => h.All(r => r["最近入户调查日期"] == "2023-01-31") && h.Any(r => r["劳动能力"] == "有劳动能力")
            && h.All(r => r["收入是否稳定"] == "否"));
        Assert.Contains(households, h => h.All(r => r["最近入户调查日期"] == "2023-01-30"));
        // Some households never checked, some long overdue, most recent.
        Assert.Contains(home, r => r["最近核对日期"].Length == 0);
        Assert.Contains(home, r => r["最近核对日期"].Length > 0 && Date(r["最近核对日期"]) < new DateOnly(2022, 12, 1));
        Assert.True(home.Count(r => r["最近核对日期"].Length > 0 && Date(r["最近核对日期"]) > new DateOnly(2023, 2, 1)) > home.Count / 2);
    }

    [Fact]
    public void Write_Plain_RosterInRealisticShape()
    {
        var home = PlainCsv.Read(Path.Combine(folders.Plain, "roster", "roster-450326-202307.csv")).Rows;
        var households = home.GroupBy(r => r["家庭编号"], StringComparer.Ordinal).ToList();
        double Share(Func<IGrouping<string, Dictionary<string, string>>, bool> test) => households.Count(test) / (double)households.Count;

        Assert.All(households, h => Assert.InRange(h.Count(), 1, 7));
        Assert.All(households, h => Assert.Contains(h.First()["与户主关系"], new[] { "户主", "本人" }));
        Assert.InRange(Share(h => h.First()["救助类别"] == "农村低保"), 0.45, 0.7);
        Assert.InRange(Share(h => h.First()["救助类别"] == "特困供养"), 0.1, 0.25);
        Assert.True(Share(h => h.First()["救助类别"] == "特困供养" && h.Count() == 1) > 0.09);
        Assert.InRange(home.Count(r => r["保障状态"] == "在保") / (double)home.Count, 0.75, 0.95);
        Assert.Contains(home, r => r["保障状态"] == "渐退");
        Assert.Contains(home, r => r["保障状态"] == "停保");
        Assert.Contains(home, r => r["供养方式"] == "集中供养");
        Assert.All(home.Where(r => r["救助类别"] != "特困供养"), r => Assert.Equal("", r["供养方式"]));
        // Mostly born in the county; some elsewhere in Guangxi.
        var local = home.Count(r => r["身份证号"].StartsWith("450326", StringComparison.Ordinal)) / (double)home.Count;
        Assert.InRange(local, 0.75, 0.95);
        Assert.All(home, r => Assert.StartsWith("45", r["身份证号"].Length > 0 ? r["身份证号"] : "45", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_Plain_DeathsOfRecipientsAndOfEveryoneElse()
    {
        var roster = PlainCsv.Read(Path.Combine(folders.Plain, "roster", "roster-450326-202307.csv")).Rows
            .Where(r => r["保障状态"] is "在保" or "渐退")
            .GroupBy(r => r["身份证号"], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First()["姓名"], StringComparer.Ordinal);
        var police = PlainCsv.Rows(folders.Plain, "police-deaths").ToList();
        var health = PlainCsv.Rows(folders.Plain, "health-deaths").ToList();

        var deaths = police.Where(r => r["注销原因"] == "死亡").ToList();
        Assert.Contains(police, r => r["注销原因"] == "迁出");
        Assert.True(police.Count(r => r["注销原因"] != "死亡") > deaths.Count, "moves away outnumber deaths");
        Assert.Contains(deaths, r => r["死亡日期"].Length == 0 && r["注销日期"].Length > 0);
        // Most deaths are of people on no roster.
        Assert.True(deaths.Count(r => !roster.ContainsKey(r["公民身份号码"])) > deaths.Count / 2);

        // Deaths after end(P) are in the extracts too.
        var dates = health.Select(r => Date(r["死亡日期"])).ToList();
        Assert.Contains(dates, d => d > End);
        Assert.True(dates.Min() >= new DateOnly(2022, 7, 1));

        // Certificates without an ID, with a relative's valid ID, and with one digit wrong.
        Assert.Contains(health, r => r["身份证件号码"].Length == 0);
        Assert.Contains(health, r => roster.TryGetValue(r["身份证件号码"], out var name) && name != r["死者姓名"]);
        var rosterKeys = roster.Keys.Where(k => k.Length == 18).Select(k => ResidentIdParser.Parse(k).Key).ToHashSet();
        Assert.Contains(health, r =>
        {
            var id = ResidentIdParser.Parse(r["身份证件号码"]);
            return id.Problem == IdProblem.WrongCheckCharacter && ResidentIdParser.RepairCandidates(id.Text).Any(rosterKeys.Contains);
        });
    }

    [Fact]
    public void Write_Plain_DeceasedRecipientsAsTheIdentityRulesWouldMatchThem()
    {
        // docs/identity.md, "Tying a record to a person": exact ID and name; a repaired ID (one digit or swap) with the same name; no ID but
        // the same name, sex and birth date; each unique in the roster set.
        var rosterSet = PlainCsv.Rows(folders.Plain, "roster").Where(r => ResidentIdParser.Parse(r["身份证号"]).IsValid).ToList();
        var namesById = rosterSet.GroupBy(r => r["身份证号"], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First()["姓名"], StringComparer.Ordinal);
        var enrolledHome = rosterSet.Where(r => r["区划代码"] == "450326" && r["保障状态"] is "在保" or "渐退")
            .Select(r => r["身份证号"]).ToHashSet(StringComparer.Ordinal);
        var flagged = new HashSet<string>(StringComparer.Ordinal);
        void Flag(string id, string name)
        {
            if (enrolledHome.Contains(id) && namesById[id] == name)
            {
                flagged.Add(id);
            }
        }

        foreach (var r in PlainCsv.Rows(folders.Plain, "police-deaths").Where(r => r["注销原因"] == "死亡"))
        {
            if (Date(r["死亡日期"].Length > 0 ? r["死亡日期"] : r["注销日期"]) <= End)
            {
                Flag(r["公民身份号码"], r["姓名"]);
            }
        }
        foreach (var r in PlainCsv.Rows(folders.Plain, "health-deaths").Where(r => Date(r["死亡日期"]) <= End))
        {
            var id = ResidentIdParser.Parse(r["身份证件号码"]);
            string[] candidates = id.IsValid
                ? [id.Text]
                : id.Problem == IdProblem.Missing
                    ? namesById.Where(p => p.Value == r["死者姓名"] && ResidentIdParser.Parse(p.Key).Id!.Value.BirthDate == Date(r["出生日期"])
                        && (ResidentIdParser.Parse(p.Key).Id!.Value.Sex == Sex.Male) == (r["性别"] == "男")).Select(p => p.Key).ToArray()
                    : ResidentIdParser.RepairCandidates(id.Text).Select(k => ResidentId.FromKey(k).ToString())
                        .Where(k => namesById.TryGetValue(k, out var n) && n == r["死者姓名"]).ToArray();
            if (candidates.Length == 1)
            {
                Flag(candidates[0], r["死者姓名"]);
            }
        }

        Assert.Equal(Planted("deceased-recipient: enrolled, died by end(P)"), flagged.Count);
        Assert.True(flagged.Count >= 2);
    }

    [Fact]
    public void Write_Plain_MedicalThresholdCasesAreExact()
    {
        var rows = PlainCsv.Rows(folders.Plain, "medical").ToList();
        Assert.All(rows, r => Assert.Equal(
            Money(r["医疗总费用"]) - Money(r["基本医疗保险支付"]) - Money(r["大病保险支付"]) - Money(r["医疗救助支付"]), Money(r["个人自付"])));

        var from = new DateOnly(2022, 8, 1);
        var totals = rows.Where(r => Date(r["结算日期"]) >= from && Date(r["结算日期"]) <= End)
            .GroupBy(r => r["身份证号"], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(r => Money(r["个人自付"])), StringComparer.Ordinal);
        Assert.Contains(20_000.00m, totals.Values);
        Assert.Contains(19_999.99m, totals.Values);
        Assert.True(totals.Values.Count(v => v >= 20_000m) >= Planted("low-income-medical: over the threshold"));
        // A settlement the day before the window, and one on its first day.
        Assert.Contains(rows, r => r["结算日期"] == "2022-07-31");
        Assert.Contains(rows, r => r["结算日期"] == "2022-08-01");
        // Several settlements per patient.
        Assert.True(rows.Count / (double)rows.Select(r => r["身份证号"]).Distinct().Count() > 3);
    }

    [Fact]
    public void Write_Plain_LowIncomeCasesAreLowIncomeAndOutsideDibaoAndTekun()
    {
        var roster = PlainCsv.Rows(folders.Plain, "roster").Where(r => r["保障状态"] is "在保" or "渐退").ToList();
        var dibaoOrTekun = roster.Where(r => r["救助类别"] is "城市低保" or "农村低保" or "特困供养").Select(r => r["身份证号"]).ToHashSet(StringComparer.Ordinal);
        var lowIncome = roster.Where(r => r["区划代码"] == "450326" && r["救助类别"] is "低保边缘" or "支出型困难").Select(r => r["身份证号"])
            .Concat(PlainCsv.Rows(folders.Plain, "monitoring").Where(r => r["风险是否消除"] == "否").Select(r => r["身份证号"]))
            .Where(id => !dibaoOrTekun.Contains(id)).ToHashSet(StringComparer.Ordinal);

        var from = new DateOnly(2022, 8, 1);
        var totals = PlainCsv.Rows(folders.Plain, "medical").Where(r => Date(r["结算日期"]) >= from && Date(r["结算日期"]) <= End)
            .GroupBy(r => r["身份证号"], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(r => Money(r["个人自付"])), StringComparer.Ordinal);
        Assert.Contains(totals, t => t.Value == 20_000.00m && lowIncome.Contains(t.Key));
        Assert.Contains(totals, t => t.Value == 19_999.99m && lowIncome.Contains(t.Key));
        var overThreshold = totals.Count(t => t.Value >= 20_000m && lowIncome.Contains(t.Key));
        Assert.True(overThreshold >= Planted("low-income-medical: over the threshold") + Planted("low-income-medical: exactly at the threshold"));
        // The decoys: over the threshold but enrolled in dibao, or monitored with the risk cleared.
        Assert.Contains(totals, t => t.Value >= 20_000m && dibaoOrTekun.Contains(t.Key));

        var severe = PlainCsv.Rows(folders.Plain, "disability").Where(r => r["证件状态"] == "有效" && lowIncome.Contains(r["身份证号"])
            && (r["残疾等级"] is "一级" or "二级" || r["残疾等级"] == "三级" && r["残疾类别"] is "智力" or "精神")).ToList();
        Assert.True(severe.Count >= Planted("low-income-severe-disability: level 1 or 2") + Planted("low-income-severe-disability: level 3 intellectual or mental"));
        Assert.Contains(severe, r => r["残疾等级"] == "三级");
    }

    [Fact]
    public void Write_Plain_CertificateNumbersAreIdCategoryAndLevel()
    {
        var rows = PlainCsv.Rows(folders.Plain, "disability").ToList();
        foreach (var row in rows)
        {
            var number = row["残疾人证号"];
            Assert.Equal(20, number.Length);
            Assert.Equal(row["身份证号"], number[..18]);
            Assert.True(CodeLists.TryDisabilityCategory(row["残疾类别"], out var category));
            Assert.True(CodeLists.TryDisabilityLevel(row["残疾等级"], out var level));
            Assert.Equal((int)category, number[18] - '0');
            Assert.Equal(level, number[19] - '0');
            Assert.True(ResidentIdParser.Parse(number.AsSpan(0, 18)).IsValid);
        }
        Assert.Contains(rows, r => r["证件状态"] is "注销" or "过期");
        Assert.True(rows.Count(r => r["证件状态"] == "有效") > rows.Count * 8 / 10);
        var roster = PlainCsv.Rows(folders.Plain, "roster").Select(r => r["身份证号"]).ToHashSet(StringComparer.Ordinal);
        Assert.InRange(rows.Count(r => roster.Contains(r["身份证号"])), rows.Count / 10, rows.Count / 2);
    }

    [Fact]
    public void Write_Plain_MonitoringLargerThanEdgeHouseholdsWithSomeRisksCleared()
    {
        var rows = PlainCsv.Rows(folders.Plain, "monitoring").ToList();
        var roster = PlainCsv.Rows(folders.Plain, "roster").ToList();
        var edge = roster.Where(r => r["区划代码"] == "450326" && r["救助类别"] == "低保边缘").Select(r => r["身份证号"]).ToHashSet(StringComparer.Ordinal);

        Assert.True(rows.Count > 2 * edge.Count);
        Assert.True(rows.Count(r => edge.Contains(r["身份证号"])) > edge.Count / 2);
        var cleared = rows.Count(r => r["风险是否消除"] == "是") / (double)rows.Count;
        Assert.InRange(cleared, 0.1, 0.55);
        Assert.All(rows, r => Assert.Contains(r["监测对象类别"], new[] { "脱贫不稳定户", "边缘易致贫户", "突发严重困难户" }));
    }

    private int Planted(string plantedCase) => folders.PlainSummary.Planted.TryGetValue(plantedCase, out var n) ? n : 0;

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal Money(string text) => decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
