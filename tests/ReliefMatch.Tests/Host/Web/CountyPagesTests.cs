using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Statistics;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Host.Runs;
using ReliefMatch.Tests.Host.Outputs;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;
using static ReliefMatch.Tests.Host.Web.WebTestData;

namespace ReliefMatch.Tests.Host.Web;

[Collection(PostgresCollection.Name)]
public sealed class CountyPagesTests(PostgresFixture postgres) : IAsyncLifetime
{
    private WorkplaceServer _server = null!;
    private WorkplaceClient _county = null!;

    public async Task InitializeAsync()
    {
        _server = await WorkplaceServer.StartAsync(postgres);
        await _server.AddUserAsync("county1", null);
        _county = _server.Client();
        await _county.SignInOkAsync("county1");
    }

    public async Task DisposeAsync()
    {
        _county.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<string> UploadAsync(string source, string period, params (string Name, byte[] Bytes)[] files)
    {
        using var response = await _county.PostFilesAsync("/county/upload", "/county/upload", "files", files, ("source", source), ("period", period));
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, page);
        return page;
    }

    private Task<string> ExtractsAsync() => StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT source, file, period, accepted, rejected FROM reliefmatch.extracts");

    [Fact]
    public async Task Upload_SeveralFilesSourceFromHeaders_SavedUnderTheirSourceAndImported()
    {
        var page = await UploadAsync("", "2023-07",
            ("花名册.csv", ExtractFiles.Roster(("张一", TestRecords.IdNumber(1), Luojin, "H1", "农村低保"))),
            ("死亡注销.csv", ExtractFiles.PoliceDeaths(("张一", TestRecords.IdNumber(1), "2023-06-01"))),
            ("说明.txt", Encoding.UTF8.GetBytes("notes")),
            ("不明.csv", Encoding.UTF8.GetBytes("甲,乙\r\n1,2\r\n")));

        Assert.True(File.Exists(Path.Combine(_server.Inbox, "roster", "花名册.csv")));
        Assert.True(File.Exists(Path.Combine(_server.Inbox, "police-deaths", "死亡注销.csv")));
        Assert.Equal("(police-deaths,police-deaths/死亡注销.csv,2023-07,1,0)\n(roster,roster/花名册.csv,2023-07,1,0)", await ExtractsAsync());
        Assert.Contains("只接受 CSV 或 XLSX 文件", page, StringComparison.Ordinal);
        Assert.Contains("无法从表头识别数据来源", page, StringComparison.Ordinal);
        Assert.Equal(["roster", "police-deaths"], Directory.GetDirectories(_server.Inbox).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')).Order().Reverse());
        Assert.Equal(4, await StorageTestDb.CountAsync(_server.Database.DataSource, "audit_log", "action = 'upload-extract'"));
    }

    [Fact]
    public async Task Upload_PaymentsAndACountysOwnSourceFromHeaders_SavedUnderTheirSourcesAndImported()
    {
        // The installation's sources: the shipped ones (payments among them) and the county's own cremation records.
        var rules = TempFolder.Create("reliefmatch-upload-rules");
        try
        {
            ReliefMatch.Tests.Host.Runs.RuleReplayTests.CopyRules(rules);
            Directory.CreateDirectory(Path.Combine(rules, "sources"));
            File.WriteAllText(Path.Combine(rules, "sources", "cremation.yaml"), ReliefMatch.Tests.Core.Sources.SourceDeclarationLoaderTests.Cremation);
            await using var server = await WorkplaceServer.StartAsync(postgres, rulesFolder: rules);
            await server.AddUserAsync("county2", null);
            using var county = server.Client();
            await county.SignInOkAsync("county2");
            var id = TestRecords.IdNumber(1);

            using var response = await county.PostFilesAsync("/county/upload", "/county/upload", "files",
                [("一卡通发放.csv", Encoding.UTF8.GetBytes($"收款人姓名,身份证号码,一卡通账号,资金所属期,实发金额,补贴项目\r\n张一,{id},6230001,2023-07,500,农村低保\r\n")),
                 ("火化登记.csv", Encoding.UTF8.GetBytes($"逝者姓名,身份证号,火化日期\r\n张一,{id},2023-06-02\r\n"))],
                ("source", ""), ("period", "2023-07"));

            var page = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, page);
            Assert.DoesNotContain("无法从表头识别数据来源", page, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(server.Inbox, "payments", "一卡通发放.csv")));
            Assert.True(File.Exists(Path.Combine(server.Inbox, "cremation", "火化登记.csv")));
            Assert.Equal("(cremation,cremation/火化登记.csv,2023-07,1,0)\n(payments,payments/一卡通发放.csv,2023-07,1,0)",
                await StorageTestDb.DumpAsync(server.Database.DataSource, "SELECT source, file, period, accepted, rejected FROM reliefmatch.extracts"));
        }
        finally
        {
            TempFolder.Delete(rules);
        }
    }

    [Fact]
    public async Task Upload_NameOf300Characters_StoredUnderAGeneratedNameOriginalShownEncoded()
    {
        var original = "永福县A&B<花名册>" + new string('册', 285) + ".csv";
        Assert.Equal(300, original.Length);

        var page = await UploadAsync("roster", "2023-07", (original, ExtractFiles.Roster(("张一", TestRecords.IdNumber(1), Luojin, "H1", "农村低保"))));

        var stored = Assert.Single(Directory.GetFiles(Path.Combine(_server.Inbox, "roster")));
        Assert.InRange(Encoding.UTF8.GetByteCount(Path.GetFileName(stored)), 1, ReliefMatch.Host.Web.Uploads.ExtractUploadSaver.MaxNameBytes);
        Assert.EndsWith(".csv", stored, StringComparison.Ordinal);
        Assert.Contains("永福县A&amp;B&lt;花名册&gt;" + new string('册', 285) + ".csv", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<花名册>", page, StringComparison.Ordinal);
        Assert.Contains("""接收 <b class="ok accepted">1</b>""", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_SameFileTwiceAndSameNameOtherBytes_ImportedOnceAndNumbered()
    {
        var first = ExtractFiles.Roster(("张一", TestRecords.IdNumber(1), Luojin, "H1", "农村低保"));
        var second = ExtractFiles.Roster(("张二", TestRecords.IdNumber(2), Luojin, "H2", "农村低保"));
        await UploadAsync("roster", "2023-07", ("花名册.csv", first));

        var again = await UploadAsync("roster", "2023-07", ("花名册.csv", first));
        await UploadAsync("roster", "2023-08", ("花名册.csv", second));

        Assert.Contains("已经导入过", again, StringComparison.Ordinal);
        Assert.Equal(["花名册 (2).csv", "花名册.csv"], Directory.GetFiles(Path.Combine(_server.Inbox, "roster")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("(roster,\"roster/花名册 (2).csv\",2023-08,1,0)\n(roster,roster/花名册.csv,2023-07,1,0)", await ExtractsAsync());
    }

    [Fact]
    public async Task Upload_ChosenSourceMissingColumns_RefusedWithTheReason()
    {
        var page = await UploadAsync("medical", "2023-07", ("花名册.csv", ExtractFiles.Roster(("张一", TestRecords.IdNumber(1), Luojin, "H1", "农村低保"))));

        Assert.Contains("整份拒收", page, StringComparison.Ordinal);
        Assert.Contains("文件已移到工作目录的 refused/2023-07/medical/花名册.csv", page, StringComparison.Ordinal);
        Assert.Equal("", await ExtractsAsync());
        Assert.Empty(Directory.GetFiles(Path.Combine(_server.Inbox, "medical")));
        Assert.True(File.Exists(Path.Combine(_server.Home, "refused", "2023-07", "medical", "花名册.csv")));
        Assert.False(Directory.Exists(Path.Combine(_server.Inbox, ".refused")));
    }

    [Fact]
    public async Task Upload_Page_SourcesNamedInChineseWithoutTheirIds()
    {
        var page = await _county.PageAsync("/county/upload");

        Assert.Contains("<option value=\"police-deaths\">公安户籍注销</option>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("（police-deaths）", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imports_RejectedRows_ListedWithIdsMaskedUntilRevealed()
    {
        const string damaged = "450326198001011000";
        await UploadAsync("police-deaths", "2023-07", ("死亡.csv", ExtractFiles.PoliceDeaths(("张一", TestRecords.IdNumber(1), "2023-06-01"), ("张二", damaged, "2023-06-02"))));
        var list = await _county.PageAsync("/county/imports");
        var id = Regex.Match(list, "href=\"/county/imports/(\\d+)\"").Groups[1].Value;

        var masked = await _county.PageAsync($"/county/imports/{id}");
        var full = await _county.PageAsync($"/county/imports/{id}?full=1");

        Assert.Contains("police-deaths/死亡.csv", list, StringComparison.Ordinal);
        Assert.Contains("来源：公安户籍注销 · 月份：2023-07", masked, StringComparison.Ordinal);
        Assert.Contains("450326********1000", masked, StringComparison.Ordinal);
        Assert.DoesNotContain(damaged, masked, StringComparison.Ordinal);
        Assert.Contains(damaged, full, StringComparison.Ordinal);
        Assert.Equal("(reveal-ids,1,t)", await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT action, rows, full_ids FROM reliefmatch.audit_log WHERE action = 'reveal-ids'"));
    }

    [Fact]
    public async Task RunsAndOverview_AfterAMonthlyRun_ShowTheRunAndEachTownship()
    {
        await UploadAsync("", "2023-07",
            ("花名册.csv", ExtractFiles.Roster(("张一", TestRecords.IdNumber(1), Luojin, "H1", "农村低保"), ("张二", TestRecords.IdNumber(2), Suqiao, "H2", "农村低保"))),
            ("死亡注销.csv", ExtractFiles.PoliceDeaths(("张一", TestRecords.IdNumber(1), "2023-06-01"))));
        var rules = RuleFolder.Load(Path.Combine(RepositoryRoot.Path, "rules"));
        await new MonthlyRun(_server.Database.DataSource, rules, Installation.OfSample, _server.Time, NullLogger.Instance).ExecuteAsync(new MonthlyRunRequest(July, null, null));

        var runs = await _county.PageAsync("/county/runs");
        var overview = await _county.PageAsync("/county?period=2023-07");

        Assert.Contains("已完成", runs, StringComparison.Ordinal);
        Assert.Matches($"data-township=\"{Luojin}\">.*?<td class=\"n\">1</td><td class=\"n\">1</td>", Regex.Replace(overview, "\\s+", " "));
        Assert.Matches($"data-township=\"{Suqiao}\">.*?<td class=\"n\">0</td><td class=\"n\">0</td>", Regex.Replace(overview, "\\s+", " "));
    }

    [Fact]
    public async Task Findings_SearchByNameIdRuleOrReference_MaskedUntilRevealedAndAudited()
    {
        var a = Deceased(1, Luojin);
        var b = Deceased(2, Suqiao) with { RuleId = "duplicate-enrolment" };
        await _server.SaveRunAsync(July, a, b);

        var byName = await _county.PageAsync("/county/findings?q=" + Uri.EscapeDataString("李1"));
        var byId = await _county.PageAsync("/county/findings?q=" + a.IdNumber);
        var byRule = await _county.PageAsync("/county/findings?rule=duplicate-enrolment");
        var byReference = await _county.PageAsync("/county/findings?q=" + b.Reference.ToLowerInvariant());
        var revealed = await _county.PageAsync("/county/findings?q=" + Uri.EscapeDataString("李") + "&full=1");

        Assert.Contains("找到 <b id=\"found\">1</b>", byName, StringComparison.Ordinal);
        Assert.Contains("李1", byId, StringComparison.Ordinal);
        // What the officer typed stays in the search box; the table shows the ID masked.
        Assert.DoesNotContain(a.IdNumber, Regex.Match(byId, "<table id=\"findings\">.*</table>", RegexOptions.Singleline).Value, StringComparison.Ordinal);
        Assert.Contains(ReliefMatch.Core.Identity.ResidentId.Mask(a.IdNumber), byId, StringComparison.Ordinal);
        Assert.Contains("李2", byRule, StringComparison.Ordinal);
        Assert.DoesNotContain("李1", byRule, StringComparison.Ordinal);
        Assert.Contains("李2", byReference, StringComparison.Ordinal);
        Assert.Contains(a.IdNumber, revealed, StringComparison.Ordinal);
        Assert.Contains(b.IdNumber, revealed, StringComparison.Ordinal);
        Assert.Equal("(county1,reveal-ids,2,t)", await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT user_name, action, rows, full_ids FROM reliefmatch.audit_log WHERE action = 'reveal-ids'"));
    }

    [Fact]
    public async Task Statistics_Month_NumbersPerTownshipAndTheWorkbookOfTheRun()
    {
        await _server.SaveRunAsync(new(2023, 6), Deceased(1, Luojin));
        await _server.SaveRunAsync(July, Deceased(1, Luojin), Deceased(2, Luojin), Deceased(3, Suqiao));

        var page = Regex.Replace(await _county.PageAsync("/county/statistics?period=2023-07"), "\\s+", " ");
        using var file = await _county.GetAsync("/county/statistics/2023-07.xlsx");

        // Person 1 was first raised in June: July counts only persons 2 and 3.
        Assert.Contains($"data-township=\"{Luojin}\"><td>{Luojin}</td><td class=\"n\">1</td><td class=\"n\">1</td>", page, StringComparison.Ordinal);
        Assert.Contains("<th>全县</th><td class=\"n\">2</td>", page, StringComparison.Ordinal);
        var expected = ReliefMatch.Tests.Core.Statistics.TestFindings.Statistics(July,
            [new RunFinding(Deceased(1, Luojin), new(2023, 6)), new RunFinding(Deceased(2, Luojin), July), new RunFinding(Deceased(3, Suqiao), July)], []);
        Assert.Equal(OutputSamples.Bytes(s => StatisticsSheetWriter.Write(s, expected, "永福县")), await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("统计表-2023-07.xlsx", file.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("(county1,download-statistics,\"统计表 2023-07\")", await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT user_name, action, subject FROM reliefmatch.audit_log WHERE action = 'download-statistics'"));
    }

    [Fact]
    public async Task Audit_Page_ListsWhatWasDoneNewestFirst()
    {
        await _county.GetAsync("/county/statistics/2023-07.xlsx");

        var page = await _county.PageAsync("/county/audit");

        var actions = Regex.Matches(page, "data-action=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["download-statistics", "sign-in"], actions);
        Assert.Contains("下载统计表", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Samples_StoredDraw_ListedWithSeedAndDownloadedWithAudit()
    {
        var approvals = Enumerable.Range(1, 5)
            .Select(n => new ReliefMatch.Core.Sampling.DibaoApproval($"H{n:D3}", "450326", Luojin, "罗锦村", "王" + n, TestRecords.IdNumber(n),
                ReliefMatch.Core.Extracts.Programme.RuralDibao, new DateOnly(2023, 7, n), 3))
            .ToList();
        var july = new ReliefMatch.Core.Periods.ReportingMonth(2023, 7);
        var sample = ReliefMatch.Core.Sampling.DibaoSampler.Draw(july, [Luojin], approvals);
        await new ReliefMatch.Storage.Jobs.SampleDrawStore(_server.Database.DataSource, TimeProvider.System)
            .SaveAsync(sample, new ReliefMatch.Storage.Jobs.RosterSnapshot("2023-07", [], []), null);

        using var page = await _county.GetAsync("/county/samples?period=2023-07");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"<tr data-township=\"{Luojin}\"><td>{Luojin}</td><td class=\"n\">5</td><td class=\"n\">3</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(TestRecords.IdNumber(1), html, StringComparison.Ordinal);

        using var file = await _county.GetAsync("/county/samples/2023-07.csv");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var csv = Encoding.UTF8.GetString(await file.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, sample.Townships.Single().Selected.Count(h => csv.Contains(h.HouseholdId, StringComparison.Ordinal)));
        Assert.Equal(1, await StorageTestDb.CountAsync(_server.Database.DataSource, "audit_log", "action = 'download-sample' AND rows = 3"));

        using var missing = await _county.GetAsync("/county/samples/2023-08.xlsx");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Samples_CountyRecordsAReviewResult_StoredShownAndAudited()
    {
        var approvals = Enumerable.Range(1, 2)
            .Select(n => new ReliefMatch.Core.Sampling.DibaoApproval($"H{n:D3}", "450326", Luojin, "罗锦村", "王" + n, TestRecords.IdNumber(n),
                ReliefMatch.Core.Extracts.Programme.RuralDibao, new DateOnly(2023, 7, n), 3))
            .ToList();
        var july = new ReliefMatch.Core.Periods.ReportingMonth(2023, 7);
        var store = new ReliefMatch.Storage.Jobs.SampleDrawStore(_server.Database.DataSource, _server.Time);
        await store.SaveAsync(ReliefMatch.Core.Sampling.DibaoSampler.Draw(july, [Luojin], approvals), new ReliefMatch.Storage.Jobs.RosterSnapshot("2023-07", [], []), null);
        var draw = (await store.ListAsync(july)).Single();
        var household = draw.Selected[0].HouseholdId;

        using var saved = await _county.PostFormAsync("/county/samples/review?period=2023-07", "/county/samples?period=2023-07",
            ("draw", draw.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("household", household), ("result", "ineligible"), ("note", "家庭收入超标"));
        var html = await saved.Content.ReadAsStringAsync();
        using var bad = await _county.PostFormAsync("/county/samples/review?period=2023-07", "/county/samples?period=2023-07",
            ("draw", draw.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("household", household), ("result", "属实"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("id=\"review-saved\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"家庭收入超标\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"ineligible\" selected>不符合条件</option>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var review = (await store.ListAsync(july)).Single().Reviews[household];
        Assert.Equal((ReliefMatch.Storage.Jobs.SampleReviewResult.Ineligible, "家庭收入超标", "county1"), (review.Result, review.Note, review.By));
        Assert.Equal(1, await StorageTestDb.CountAsync(_server.Database.DataSource, "audit_log", "action = 'review-sample' AND rows = 1"));
    }
}
