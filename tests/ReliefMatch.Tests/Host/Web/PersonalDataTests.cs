using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Storage.Jobs;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;
using static ReliefMatch.Tests.Host.Web.WebTestData;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// No full resident ID reaches anyone without the full-ID right: a township user's every page and file, the
/// county's views without <c>full=1</c>, the audit log and the job records. Findings here quote IDs in their
/// evidence as the rules write them (an ID registered under another name, an invalid roster ID, an ID read as
/// a near one, an old 15-digit ID).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class PersonalDataTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly string QuotedId = TestRecords.IdNumber(41);
    private static readonly string QuotedOldId = string.Concat(TestRecords.IdNumber(42).AsSpan(0, 6), TestRecords.IdNumber(42).AsSpan(8, 9));

    private readonly Finding _mismatch = Deceased(1, Luojin) with
    {
        RuleId = "id-name-mismatch",
        Evidence = [new Evidence(SourceKind.PoliceDeaths, 1, 2, $"公安户籍注销：身份证号 {QuotedId} 登记姓名“王五”，花名册姓名“李1”，2023-05-12 死亡")],
    };

    private readonly Finding _invalid = Deceased(3, Luojin) with
    {
        RuleId = "invalid-roster-id",
        Evidence = [new Evidence(SourceKind.Roster, 1, 4, $"花名册：身份证号“{QuotedId[..17]}{(QuotedId[17] == '0' ? '1' : '0')}”校验位错误")],
    };

    private readonly Finding _repaired = Deceased(5, Luojin) with
    {
        Evidence = [new Evidence(SourceKind.PoliceDeaths, 1, 6, $"公安户籍注销：2023-05-12 死亡（身份证号“{QuotedOldId}”无效，按姓名、性别、出生日期匹配）")],
    };

    private WorkplaceServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await WorkplaceServer.StartAsync(postgres);
        await _server.AddUserAsync("county1", null);
        await _server.AddUserAsync("luojin1", Luojin);
        await _server.SaveRunAsync(July, _mismatch, _invalid, _repaired, Deceased(2, Suqiao));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>An 18-character ID (17 digits and a check character) or a 15-digit old one, not inside a longer number.</summary>
    [GeneratedRegex(@"(?<![0-9])([0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9])")]
    private static partial Regex FullId();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Link();

    [Fact]
    public async Task Township_EveryPageAndDownloadReachable_NoFullId()
    {
        using var client = _server.Client();
        await client.SignInOkAsync("luojin1");
        // A return where the township typed IDs: into 处置情况 of a 不属实 (shown with the finding), and into
        // 核查结果 and 预警编号 of rows that are refused (each refusal quotes what it read).
        var own = Uri.EscapeDataString(Luojin);
        var returned = ReturnFiles.Csv(
            (_repaired.Reference, "不属实", $"部门误登记，实为王五 {QuotedId}", "核查员", "2023-08-05"),
            (_invalid.Reference, QuotedId, "", "核查员", "2023-08-05"),
            (QuotedId, "属实", "", "核查员", "2023-08-05"));
        using (var upload = await client.PostFilesAsync($"/townships/{own}/returns", $"/townships/{own}", "file", [("返回.csv", returned)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/"]);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        while (queue.Count > 0 && seen.Count < 300)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url))
            {
                continue;
            }
            using var response = await client.GetAsync(url);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location is { } location)
            {
                queue.Enqueue(location.OriginalString);
                continue;
            }
            var text = bytes.AsSpan().StartsWith("PK\u0003\u0004"u8) ? WorkbookText(bytes) : Encoding.UTF8.GetString(bytes);
            texts[url] = text;
            foreach (Match m in Link().Matches(text))
            {
                var href = WebUtility.HtmlDecode(m.Groups[1].Value);
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
                {
                    queue.Enqueue(href);
                }
            }
        }

        // The crawl reached the township's month, its findings and both worklist files (so the check below means something).
        Assert.Contains($"/townships/{own}", texts.Keys);
        Assert.Contains($"/townships/{own}/worklist/2023-07.xlsx", texts.Keys);
        Assert.Contains($"/townships/{own}/worklist/2023-07.csv", texts.Keys);
        Assert.Contains(texts.Keys, u => u.StartsWith($"/townships/{own}/returns/", StringComparison.Ordinal));
        Assert.Contains($"部门误登记，实为王五 {ResidentId.Mask(QuotedId)}", texts[$"/townships/{own}"], StringComparison.Ordinal);
        foreach (var url in texts.Keys.Where(u => u.Contains("worklist", StringComparison.Ordinal) || u == $"/townships/{own}"))
        {
            Assert.Contains($"身份证号 {ResidentId.Mask(QuotedId)} 登记姓名", texts[url], StringComparison.Ordinal);
            Assert.Contains("李3", texts[url], StringComparison.Ordinal);
        }
        foreach (var (url, text) in texts)
        {
            Assert.True(!FullId().IsMatch(text), $"{url} shows a full ID: {FullId().Match(text).Value}");
        }
    }

    [Fact]
    public async Task County_SearchWithoutFull_EvidenceMaskedAndNothingAudited_WithFull_ShownAndAudited()
    {
        using var county = _server.Client();
        await county.SignInOkAsync("county1");

        var masked = await county.PageAsync("/county/findings?township=" + Uri.EscapeDataString(Luojin));
        var table = Regex.Match(masked, "<table id=\"findings\">.*</table>", RegexOptions.Singleline).Value;
        Assert.Contains("找到 <b id=\"found\">3</b>", masked, StringComparison.Ordinal);
        Assert.False(FullId().IsMatch(table), FullId().Match(table).Value);
        Assert.Equal(0, await StorageTestDb.CountAsync(_server.Database.DataSource, "audit_log", "full_ids"));

        var full = await county.PageAsync("/county/findings?township=" + Uri.EscapeDataString(Luojin) + "&full=1");
        Assert.Contains($"身份证号 {QuotedId} 登记姓名", full, StringComparison.Ordinal);
        Assert.Contains(QuotedOldId, full, StringComparison.Ordinal);
        Assert.Equal("(county1,reveal-ids,3,t)", await StorageTestDb.DumpAsync(_server.Database.DataSource,
            "SELECT user_name, action, rows, full_ids FROM reliefmatch.audit_log WHERE full_ids"));
    }

    [Fact]
    public async Task AuditLog_SearchForAnIdInFull_TheLineKeepsItMasked()
    {
        using var county = _server.Client();
        await county.SignInOkAsync("county1");

        await county.PageAsync($"/county/findings?q={_mismatch.IdNumber}&full=1");

        var subject = await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT subject FROM reliefmatch.audit_log WHERE action = 'reveal-ids'");
        Assert.Contains(ResidentId.Mask(_mismatch.IdNumber), subject, StringComparison.Ordinal);
        Assert.DoesNotContain(_mismatch.IdNumber, subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_FileWithAnIdInItsHeaderRows_RefusalPageAndAuditLogMasked()
    {
        using var county = _server.Client();
        await county.SignInOkAsync("county1");
        var file = Encoding.UTF8.GetBytes($"永福县低保花名册 经办人 {QuotedId}\r\n乡镇,姓名,身份证号,{QuotedId}\r\n{Luojin},张一,{TestRecords.IdNumber(1)},x\r\n");

        using var response = await county.PostFilesAsync("/county/upload", "/county/upload", "files", [("花名册.csv", file)], ("source", "roster"), ("period", "2023-07"));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("整份拒收", page, StringComparison.Ordinal);
        Assert.Contains(ResidentId.Mask(QuotedId), page, StringComparison.Ordinal);
        Assert.False(FullId().IsMatch(page), FullId().Match(page).Value);
        var audit = await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT subject FROM reliefmatch.audit_log WHERE action = 'upload-extract'");
        Assert.Contains(ResidentId.Mask(QuotedId), audit, StringComparison.Ordinal);
        Assert.False(FullId().IsMatch(audit), audit);
    }

    [Fact]
    public async Task RunsPage_AJobThatFailedQuotingAnId_DetailMasked()
    {
        // A database error's detail quotes the key it tripped on: what the job's record keeps, and the page shows.
        var runs = new JobRunStore(_server.Database.DataSource, _server.Time);
        var id = await runs.StartAsync("monthly-run", "2023-07", null, 1, "test");
        await runs.FinishAsync(id, JobOutcome.Failed, $"PostgresException: 23505: duplicate key; Key (id_number)=({QuotedId}) already exists.");
        using var county = _server.Client();
        await county.SignInOkAsync("county1");

        var page = await county.PageAsync("/county/runs");

        Assert.Contains($"Key (id_number)=({ResidentId.Mask(QuotedId)})", page, StringComparison.Ordinal);
        Assert.False(FullId().IsMatch(page), FullId().Match(page).Value);
        Assert.Equal(0, await StorageTestDb.CountAsync(_server.Database.DataSource, "job_runs", $"detail LIKE '%{QuotedId}%'"));
    }

    /// <summary>Every part of a workbook (sheets, shared strings) as text.</summary>
    private static string WorkbookText(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            text.Append(reader.ReadToEnd()).Append('\n');
        }
        return text.ToString();
    }
}
