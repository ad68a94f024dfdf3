using System.Net;
using System.Text;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Tests.Host.Outputs;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;
using static ReliefMatch.Tests.Host.Web.WebTestData;

namespace ReliefMatch.Tests.Host.Web;

[Collection(PostgresCollection.Name)]
public sealed class TownshipPagesTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly string Own = Uri.EscapeDataString(Luojin);
    private static readonly string Page = $"/townships/{Own}?period=2023-07";

    private readonly Finding _a = Deceased(1, Luojin);
    private readonly Finding _b = Deceased(3, Luojin);
    private readonly Finding _other = Deceased(2, Suqiao);
    private WorkplaceServer _server = null!;
    private WorkplaceClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await WorkplaceServer.StartAsync(postgres);
        await _server.AddUserAsync("county1", null);
        await _server.AddUserAsync("luojin1", Luojin);
        await _server.SaveRunAsync(July, _a, _b, _other);
        _client = _server.Client();
        await _client.SignInOkAsync("luojin1");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private Task<string> StatusesAsync() => StorageTestDb.DumpAsync(_server.Database.DataSource,
        "SELECT name, status, nullif(disposition_reason, ''), disposition_by, checked_by, checked_on FROM reliefmatch.findings");

    private async Task<byte[]> DownloadAsync(string format, WorkplaceClient? client = null, string query = "")
    {
        using var response = await (client ?? _client).GetAsync($"/townships/{Own}/worklist/2023-07.{format}{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<string> UploadAsync(string name, byte[] bytes)
    {
        using var response = await _client.PostFilesAsync($"/townships/{Own}/returns", Page, "file", [(name, bytes)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await _client.PageAsync(response.Headers.Location!.OriginalString);
    }

    private static string Count(string html, string id) =>
        System.Text.RegularExpressions.Regex.Match(html, $"id=\"{id}\"[^>]*>(\\d+)<").Groups[1].Value;

    [Fact]
    public async Task Worklist_Download_TheRunsWorklistOfTheTownshipMaskedAndAudited()
    {
        var xlsx = await DownloadAsync("xlsx");
        var csv = await DownloadAsync("csv");

        var expected = Worklist.Build("永福县", July, [new RunFinding(_a with { RuleTitle = "死亡人员仍在享受救助" }, July), new RunFinding(_b with { RuleTitle = "死亡人员仍在享受救助" }, July)], [Luojin]).Single();
        Assert.Equal(OutputSamples.Bytes(s => WorklistXlsxWriter.Write(s, expected)), xlsx);
        Assert.Equal(OutputSamples.Bytes(s => WorklistCsvWriter.Write(s, expected)), csv);
        var text = Encoding.UTF8.GetString(csv);
        Assert.Contains(ResidentId.Mask(_a.IdNumber), text, StringComparison.Ordinal);
        Assert.DoesNotContain(_a.IdNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain("李2", text, StringComparison.Ordinal);
        Assert.Equal("(luojin1,township,罗锦镇,download-worklist,\"罗锦镇 2023-07 csv\",2,f)\n(luojin1,township,罗锦镇,download-worklist,\"罗锦镇 2023-07 xlsx\",2,f)",
            await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT user_name, role, township, action, subject, rows, full_ids FROM reliefmatch.audit_log WHERE action LIKE 'download%'"));
    }

    [Fact]
    public async Task Worklist_CountyAsksForFullIds_FullIdsAndTheRevealAudited()
    {
        using var county = _server.Client();
        await county.SignInOkAsync("county1");

        var csv = Encoding.UTF8.GetString(await DownloadAsync("csv", county, "?full=1"));

        Assert.Contains(_a.IdNumber, csv, StringComparison.Ordinal);
        Assert.Equal("(county1,county,,\"罗锦镇 2023-07 csv\",2,t)",
            await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT user_name, role, township, subject, rows, full_ids FROM reliefmatch.audit_log WHERE action = 'download-worklist'"));
    }

    [Fact]
    public async Task Page_CountyRevealsIds_ShownAndAuditedWithTheRowCount()
    {
        using var county = _server.Client();
        await county.SignInOkAsync("county1");

        var masked = await county.PageAsync(Page);
        var full = await county.PageAsync(Page + "&full=1");

        Assert.DoesNotContain(_a.IdNumber, masked, StringComparison.Ordinal);
        Assert.Contains(_a.IdNumber, full, StringComparison.Ordinal);
        Assert.Equal("(county1,reveal-ids,2,t)",
            await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT user_name, action, rows, full_ids FROM reliefmatch.audit_log WHERE action = 'reveal-ids'"));
    }

    [Fact]
    public async Task Return_FilledXlsx_ConfirmsAndDismissesWithCheckerAndDateAndCountsChange()
    {
        var before = await _client.PageAsync(Page);
        Assert.Equal(("2", "0", "0"), (Count(before, "count-open"), Count(before, "count-confirmed"), Count(before, "count-dismissed")));
        var filled = ReturnFiles.FillXlsx(await DownloadAsync("xlsx"),
            (_a.Reference, "属实", "已停保", "王五", new DateOnly(2023, 8, 5)),
            (_b.Reference, "不属实", "本人健在，公安误报", "赵六", new DateOnly(2023, 8, 6)));

        var result = await UploadAsync("罗锦镇-核查结果.xlsx", filled);

        Assert.Equal(("1", "1", "0"), (Count(result, "return-confirmed"), Count(result, "return-dismissed"), Count(result, "return-refused")));
        Assert.Equal("(李1,confirmed,已停保,luojin1,王五,2023-08-05)\n(李2,open,,,,)\n(李3,dismissed,本人健在，公安误报,luojin1,赵六,2023-08-06)", await StatusesAsync());
        var after = await _client.PageAsync(Page);
        Assert.Equal(("0", "1", "1"), (Count(after, "count-open"), Count(after, "count-confirmed"), Count(after, "count-dismissed")));
        var worklist = Encoding.UTF8.GetString(await DownloadAsync("csv"));
        // Downloaded again, July's worklist carries both outcomes recorded on it.
        Assert.Contains($"属实,已停保,王五,2023-08-05,{_a.Reference}", worklist, StringComparison.Ordinal);
        Assert.Contains($"不属实,本人健在，公安误报,赵六,2023-08-06,{_b.Reference}", worklist, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_SameFileTwice_SecondChangesNothing()
    {
        var file = ReturnFiles.Csv((_a.Reference, "属实", "已停保", "王五", "2023-08-05"));
        await UploadAsync("a.csv", file);
        var events = await StorageTestDb.CountAsync(_server.Database.DataSource, "finding_events");

        var again = await UploadAsync("a.csv", file);

        Assert.Contains("无变化 <b>1</b>", again, StringComparison.Ordinal);
        Assert.Equal(events, await StorageTestDb.CountAsync(_server.Database.DataSource, "finding_events"));
    }

    [Fact]
    public async Task Return_RowOfAnotherTownshipsFinding_RefusedOthersTaken()
    {
        var result = await UploadAsync("mixed.csv", ReturnFiles.Csv(
            (_other.Reference, "不属实", "查无此事", "王五", "2023-08-05"),
            (_a.Reference, "属实", "", "王五", "2023-08-05")));

        Assert.Contains("不是本乡镇的预警，不能处置", result, StringComparison.Ordinal);
        Assert.DoesNotContain("李2", result, StringComparison.Ordinal);
        Assert.Equal(("1", "1"), (Count(result, "return-confirmed"), Count(result, "return-refused")));
        Assert.Equal("(李1,confirmed,,luojin1,王五,2023-08-05)\n(李2,open,,,,)\n(李3,open,,,,)", await StatusesAsync());
    }

    [Theory]
    [InlineData("不属实", "", "王五", "2023-08-05", "须在“处置情况”中写明理由")]
    [InlineData("已核实", "x", "王五", "2023-08-05", "核查结果只能填")]
    [InlineData("属实", "x", "王五", "八月五日", "无法识别")]
    [InlineData("属实", "x", "王五", "2023-08-11", "晚于今天")]
    public async Task Return_UnreadableRow_RefusedWithTheReason(string result, string remarks, string by, string on, string reason)
    {
        var page = await UploadAsync("r.csv", ReturnFiles.Csv((_a.Reference, result, remarks, by, on)));

        Assert.Contains(reason, page, StringComparison.Ordinal);
        Assert.Equal("1", Count(page, "return-refused"));
        Assert.Equal("(李1,open,,,,)\n(李2,open,,,,)\n(李3,open,,,,)", await StatusesAsync());
    }

    [Fact]
    public async Task Return_UnknownReferenceAndBlankResult_RefusedAndLeftAlone()
    {
        var page = await UploadAsync("r.csv", ReturnFiles.Csv(("0123456789ABCDEF", "属实", "", "", ""), (_a.Reference, "", "", "", "")));

        Assert.Contains("预警编号不存在", page, StringComparison.Ordinal);
        Assert.Contains("未填 <b>1</b>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_CsvSavedAgainInGb18030_Read()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = ReturnFiles.Csv(Encoding.GetEncoding(54936), (_b.Reference, "不属实", "迁出本县", "赵六", "2023/8/6"));

        var page = await UploadAsync("r.csv", bytes);

        Assert.Equal("1", Count(page, "return-dismissed"));
        Assert.Equal("(李1,open,,,,)\n(李2,open,,,,)\n(李3,dismissed,迁出本县,luojin1,赵六,2023-08-06)", await StatusesAsync());
    }

    [Fact]
    public async Task Return_NotAWorklist_ProblemShownNothingChanged()
    {
        var page = await UploadAsync("花名册.csv", Encoding.UTF8.GetBytes("姓名,身份证号\r\n张三,450326195803120011\r\n"));

        Assert.Contains("找不到核查清单的表头", page, StringComparison.Ordinal);
        Assert.Equal("(李1,open,,,,)\n(李2,open,,,,)\n(李3,open,,,,)", await StatusesAsync());
        Assert.Equal(1, await StorageTestDb.CountAsync(_server.Database.DataSource, "audit_log", "action = 'return-worklist'"));
    }

    [Fact]
    public async Task Page_DueDatePassed_OpenFindingsCountOverdueUntilDisposed()
    {
        // July findings with 15 due days are due 2023-08-15.
        Assert.Equal("0", Count(await _client.PageAsync(Page), "count-overdue"));
        _server.Time.SetUtcNow(new DateTimeOffset(2023, 8, 15, 15, 0, 0, TimeSpan.Zero)); // 2023-08-15 23:00 in China: still in time
        await _client.SignInOkAsync("luojin1"); // days later: the sign-in of the 10th has expired
        Assert.Equal("0", Count(await _client.PageAsync(Page), "count-overdue"));

        _server.Time.SetUtcNow(new DateTimeOffset(2023, 8, 15, 17, 0, 0, TimeSpan.Zero)); // 2023-08-16 01:00 in China
        Assert.Equal("2", Count(await _client.PageAsync(Page), "count-overdue"));

        await UploadAsync("r.csv", ReturnFiles.Csv((_a.Reference, "属实", "", "王五", "2023-08-16")));
        Assert.Equal("1", Count(await _client.PageAsync(Page), "count-overdue"));
    }

    [Fact]
    public async Task Return_OverTheUploadLimitSentChunked_Answers413()
    {
        // Without a Content-Length the limit is met only while the body is read.
        var tooLarge = new byte[(32 << 20) + 1];

        using var response = await _client.PostFilesAsync($"/townships/{Own}/returns", Page, "file", [("大.csv", tooLarge)], chunked: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("超过了上限", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_XlsxNameHoldingCsv_ProblemNamesTheMismatch()
    {
        var page = await UploadAsync("核查清单.xlsx", ReturnFiles.Csv((_a.Reference, "属实", "已停保", "王五", "2023-08-05")));

        Assert.Contains("扩展名", page, StringComparison.Ordinal);
        Assert.Equal("(李1,open,,,,)\n(李2,open,,,,)\n(李3,open,,,,)", await StatusesAsync());
    }

    private static readonly string Outcomes = $"/townships/{Own}/outcomes?period=2023-07";

    private Task<HttpResponseMessage> RecordAsync(string reference, string result, string remarks = "", string by = "", string on = "") =>
        _client.PostFormAsync(Outcomes, Page, ("reference", reference), ("result", result), ("remarks", remarks), ("checked_by", by), ("checked_on", on));

    [Fact]
    public async Task Outcome_EnteredOnThePage_StoredAsTheReturnedFileWouldAndAuditedAndCarriedByTheDownload()
    {
        using (var confirmed = await RecordAsync(_a.Reference, "属实", "已停保", "王五", "2023-08-05"))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            Assert.Contains("id=\"outcome-saved\"", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var dismissed = await RecordAsync(_b.Reference, "不属实", "本人健在，公安误报", "赵六", "2023-08-06"))
        {
            Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        }

        // Exactly what the same rows of a returned file store (see Return_FilledXlsx_…).
        Assert.Equal("(李1,confirmed,已停保,luojin1,王五,2023-08-05)\n(李2,open,,,,)\n(李3,dismissed,本人健在，公安误报,luojin1,赵六,2023-08-06)", await StatusesAsync());
        Assert.Equal($"(luojin1,罗锦镇,record-outcome,1)\n(luojin1,罗锦镇,record-outcome,1)",
            await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT user_name, township, action, rows FROM reliefmatch.audit_log WHERE action = 'record-outcome'"));
        var worklist = Encoding.UTF8.GetString(await DownloadAsync("csv"));
        Assert.Contains($"属实,已停保,王五,2023-08-05,{_a.Reference}", worklist, StringComparison.Ordinal);
        Assert.Contains($"不属实,本人健在，公安误报,赵六,2023-08-06,{_b.Reference}", worklist, StringComparison.Ordinal);

        // The re-downloaded file handed back as it is changes nothing.
        var again = await UploadAsync("again.csv", await DownloadAsync("csv"));
        Assert.Equal(("0", "0", "0"), (Count(again, "return-confirmed"), Count(again, "return-dismissed"), Count(again, "return-refused")));
    }

    [Theory]
    [InlineData("不属实", "", "2023-08-05", "须在“处置情况”中写明理由")]
    [InlineData("属实", "已停保", "2023-06-30", "早于预警所属月份 2023-07")]
    [InlineData("属实", "已停保", "2023-08-11", "晚于今天")]
    [InlineData("停保", "", "", "核查结果只能填")]
    public async Task Outcome_BadValue_RefusedWithTheReasonAndNothingChanged(string result, string remarks, string on, string reason)
    {
        using var response = await RecordAsync(_a.Reference, result, remarks, "王五", on);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"outcome-problem\"", html, StringComparison.Ordinal);
        Assert.Contains(reason, html, StringComparison.Ordinal);
        Assert.Contains(ResidentId.Mask(_a.IdNumber), html, StringComparison.Ordinal);
        Assert.StartsWith("(李1,open", await StatusesAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outcome_AnotherTownshipsFinding_RefusedAndNotChanged()
    {
        using var response = await RecordAsync(_other.Reference, "属实", "已停保", "王五", "2023-08-05");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("不是本乡镇的预警", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("confirmed", await StatusesAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_Report_NamesTheRowsWithNameMaskedIdAndWarning()
    {
        var file = ReturnFiles.Csv((_a.Reference, "属实", "已停保", "王五", "2023-08-05"), (_b.Reference, "不属实", "", "王五", "2023-08-05"), ("YJ0000000000000000", "属实", "", "", ""));

        var report = await UploadAsync("r.csv", file);

        Assert.Contains($"<td>李1</td><td>{ResidentId.Mask(_a.IdNumber)}</td><td>死亡人员仍在享受救助</td>", report, StringComparison.Ordinal);
        Assert.Contains($"<td>李3</td><td>{ResidentId.Mask(_b.IdNumber)}</td><td>死亡人员仍在享受救助</td>", report, StringComparison.Ordinal);
        Assert.DoesNotContain(_a.IdNumber, report, StringComparison.Ordinal);
    }
}
