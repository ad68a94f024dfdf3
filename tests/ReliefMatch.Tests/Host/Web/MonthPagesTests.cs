using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;
using static ReliefMatch.Tests.Host.Web.WebTestData;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// The upload form's month, the month page's files waiting for their month, the refusal of a run of a month without
/// data, and the township entries of a published month (the walk through a real browser is <see cref="MonthBrowserTests"/>).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MonthPagesTests(PostgresFixture postgres) : IAsyncLifetime
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

    private static byte[] OneRoster(int person) => ExtractFiles.Roster(("张" + person, TestRecords.IdNumber(person), Luojin, "H" + person, "农村低保"));

    private async Task<(HttpStatusCode Status, string Page)> UploadAsync(string period, params (string Name, byte[] Bytes)[] files)
    {
        using var response = await _county.PostFilesAsync("/county/upload", "/county/upload", "files", files, ("source", ""), ("period", period));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task UploadForm_MonthPicker_LastMonthProposed()
    {
        var page = await _county.PageAsync("/county/upload");

        Assert.Contains("""<input type="month" name="period" id="upload-period" value="2023-07" required>""", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "请选择数据月份")]
    [InlineData("2023-13", "数据月份“2023-13”不是有效的年月")]
    [InlineData("七月", "数据月份“七月”不是有效的年月")]
    public async Task Upload_MonthMissingOrMalformed_FormBackWithTheReasonNothingSaved(string period, string message)
    {
        var (status, page) = await UploadAsync(period, ("花名册.csv", OneRoster(1)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.DoesNotContain("请求无效", page, StringComparison.Ordinal);
        Assert.Contains("id=\"upload-period\"", page, StringComparison.Ordinal); // the form again, to correct and send
        Assert.Equal(0, await StorageTestDb.CountAsync(_server.Database.DataSource, "extracts"));
        Assert.False(Directory.Exists(Path.Combine(_server.Inbox, "roster")));
    }

    [Fact]
    public async Task Upload_NameStatesAnotherMonthThanPicked_RefusedNamingBothTheOthersImported()
    {
        var (status, page) = await UploadAsync("2023-07", ("花名册_202306.csv", OneRoster(1)), ("花名册_202307.csv", OneRoster(2)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("文件名写明是2023年6月的数据，与所选的数据月份2023年7月不一致，未导入", page, StringComparison.Ordinal);
        Assert.Equal("(roster/花名册_202307.csv,2023-07)", await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT file, period FROM reliefmatch.extracts"));
        Assert.False(File.Exists(Path.Combine(_server.Inbox, "roster", "花名册_202306.csv")));
    }

    [Fact]
    public async Task MonthPage_FileWaitingForItsMonth_ConfirmedImportedWithThatMonthMovedAndAudited()
    {
        // As the import job leaves it: in the inbox, listed as waiting.
        var path = Path.Combine(_server.Inbox, "roster", "花名册.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, OneRoster(1));
        var report = await new ExtractImporter(_server.Database.DataSource, _server.Time, readerOptions: Readers.TestExtracts.Options).ImportFileAsync(path, SourceKind.Roster, null);
        Assert.True(report.MonthUnknown);
        var id = await new PendingFileStore(_server.Database.DataSource, _server.Time).RecordAsync(path, report);

        var month = WebUtility.HtmlDecode(await _county.PageAsync("/county/months/2023-07"));
        Assert.Contains("待确认月份的文件", month, StringComparison.Ordinal);
        Assert.Contains("roster/花名册.csv", month, StringComparison.Ordinal);
        Assert.Contains("有 1 个文件无法判断数据月份", WebUtility.HtmlDecode(await _county.PageAsync("/county/months")), StringComparison.Ordinal);

        using var confirmed = await _county.PostFormAsync($"/county/months/pending/{id}?from=2023-07", "/county/months/2023-07", ("period", "2023-07"));
        var page = WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("roster/花名册.csv 已确认为2023年7月的数据：接收 1 行", page, StringComparison.Ordinal);
        Assert.Equal("(roster/花名册.csv,2023-07)", await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT file, period FROM reliefmatch.extracts"));
        Assert.Equal(0, await StorageTestDb.CountAsync(_server.Database.DataSource, "pending_files"));
        Assert.False(File.Exists(path));
        Assert.True(File.Exists(Path.Combine(_server.Home, "imported", "2023-07", "roster", "花名册.csv")));
        Assert.Equal("(county1,confirm-month,\"roster/花名册.csv 确认为 2023-07：接收 1 行，拒收 0 行\")",
            await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT user_name, action, subject FROM reliefmatch.audit_log WHERE action = 'confirm-month'"));
        // The month page now lists it among July's data.
        Assert.Contains("data-source=\"roster\"><td rowspan=\"1\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonthPage_ConfirmWithoutAMonth_PageBackWithTheReasonFileStillWaiting()
    {
        var path = Path.Combine(_server.Inbox, "roster", "花名册.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, OneRoster(1));
        var id = await new PendingFileStore(_server.Database.DataSource, _server.Time).RecordAsync(path,
            new FileReport { Source = SourceKind.Roster, File = "roster/花名册.csv", Sha256 = "x", MonthUnknown = true });

        using var response = await _county.PostFormAsync($"/county/months/pending/{id}?from=2023-07", "/county/months/2023-07", ("period", ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请选择文件的数据月份", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await StorageTestDb.CountAsync(_server.Database.DataSource, "pending_files"));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task MonthPage_InboxFolderNoDeclarationNames_NamedOnThePage()
    {
        var page = WebUtility.HtmlDecode(await _county.PageAsync("/county/months/2023-07"));
        Assert.DoesNotContain("id=\"undeclared\"", page, StringComparison.Ordinal);

        Directory.CreateDirectory(Path.Combine(_server.Inbox, "cremation"));
        Directory.CreateDirectory(Path.Combine(_server.Inbox, "roster"));

        page = WebUtility.HtmlDecode(await _county.PageAsync("/county/months/2023-07"));
        Assert.Contains("<li data-folder=\"cremation\">cremation</li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-folder=\"roster\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonthPage_RosterLosesATownship_DataCheckNamesFileAndBothFigures()
    {
        await UploadAsync("2023-07", ("花名册_202307.csv", ExtractFiles.Roster(
            ("张1", TestRecords.IdNumber(1), Luojin, "H1", "农村低保"), ("张2", TestRecords.IdNumber(2), Suqiao, "H2", "农村低保"))));
        await UploadAsync("2023-08", ("花名册_202308.csv", OneRoster(3)));

        var july = WebUtility.HtmlDecode(await _county.PageAsync("/county/months/2023-07"));
        var august = WebUtility.HtmlDecode(await _county.PageAsync("/county/months/2023-08"));

        Assert.Contains("id=\"no-sanity\"", july, StringComparison.Ordinal);
        Assert.Contains("<h2>数据检查</h2>", august, StringComparison.Ordinal);
        Assert.Contains("<tr data-check=\"townships\" data-source=\"roster\"><td>快照缺少乡镇</td><td>roster/花名册_202308.csv</td><td>1 个乡镇</td><td>2 个乡镇</td>", august, StringComparison.Ordinal);
        Assert.Contains("本月快照没有 苏桥镇 的任何记录", august, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonthPage_RunAMonthWithoutData_RefusedWithTheReasonAndAudited()
    {
        var page = WebUtility.HtmlDecode(await _county.PageAsync("/county/months/2023-08"));
        Assert.Contains("本月还没有任何数据，比对运行会被拒绝", page, StringComparison.Ordinal);
        Assert.Contains("data-source=\"police-deaths\" class=\"missing\"", page, StringComparison.Ordinal);

        using var response = await _county.PostFormAsync("/county/months/2023-08/run", "/county/months/2023-08");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("拒绝运行：2023年8月没有标为该月的数据", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await StorageTestDb.CountAsync(_server.Database.DataSource, "audit_log", "action = 'queue-run' AND subject LIKE '2023-08 拒绝运行：%'"));
        Assert.Equal(0, await StorageTestDb.CountAsync(_server.Database.DataSource, "runs"));
    }

    [Fact]
    public async Task Entries_MonthPublished_ShownReadOnlyAndASaveRefused()
    {
        await _server.AddUserAsync("luojin1", Luojin);
        await _server.SaveRunAsync(July, Deceased(1, Luojin));
        using var published = await _county.PostFormAsync("/county/months/2023-07/publish", "/county/months/2023-07");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        using var clerk = _server.Client();
        await clerk.SignInOkAsync("luojin1");
        var townshipPage = $"/townships/{Uri.EscapeDataString(Luojin)}?period=2023-07";

        var page = WebUtility.HtmlDecode(await clerk.PageAsync(townshipPage));
        using var save = await clerk.PostFormAsync($"/townships/{Uri.EscapeDataString(Luojin)}/entries/2023-07", townshipPage, ("persons_educated", "3"));

        Assert.Contains("县民政局已上报本月统计表，填报的数字不能再修改", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"save-entries\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, save.StatusCode);
        Assert.Equal(0, await StorageTestDb.CountAsync(_server.Database.DataSource, "township_entries"));
        Assert.Equal(1, await StorageTestDb.CountAsync(_server.Database.DataSource, "audit_log", "action = 'publish-statistics' AND subject LIKE '2023-07 统计表上报第 1 版%'"));
    }
}
