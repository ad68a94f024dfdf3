using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using ReliefMatch.Core.Accuracy;
using ReliefMatch.Core.Identity;
using ReliefMatch.Host.Web.Worklists;
using ReliefMatch.Storage.Accuracy;
using ReliefMatch.Storage.Workplace;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;
using static ReliefMatch.Tests.Host.Web.WebTestData;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// The control list on the township page and as XLSX: a township sees, downloads and answers its own list only (the page
/// check and, behind it, the database's row-level security), IDs masked; answers go through the worklist's outcome form.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ControlListPagesTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly string Own = Uri.EscapeDataString(Luojin);
    private static readonly string Page = $"/townships/{Own}?period=2023-07";

    private WorkplaceServer _server = null!;
    private WorkplaceClient _client = null!;
    private IReadOnlyList<StoredControlDraw> _draws = [];

    private StoredControlDraw Luojins => _draws.Single(d => d.Township == Luojin);
    private StoredControlDraw Suqiaos => _draws.Single(d => d.Township == Suqiao);

    public async Task InitializeAsync()
    {
        _server = await WorkplaceServer.StartAsync(postgres);
        await _server.AddUserAsync("county1", null);
        await _server.AddUserAsync("luojin1", Luojin);
        await _server.SaveRunAsync(July, Deceased(1, Luojin), Deceased(2, Suqiao));
        _draws = await DrawAsync(_server);
        _client = _server.Client();
        await _client.SignInOkAsync("luojin1");
    }

    /// <summary>Draws July's control list of 罗锦镇 (people 1–30, person 1 flagged) and 苏桥镇 (31–40) as the run would, and returns it.</summary>
    internal static async Task<IReadOnlyList<StoredControlDraw>> DrawAsync(WorkplaceServer server)
    {
        var roster = Enumerable.Range(1, 40).Select(p => TestRecords.Roster(p, p, "H" + p) with { Township = p <= 30 ? Luojin : Suqiao, Name = "王" + p }).ToList();
        var flagged = new HashSet<string>([TestRecords.IdNumber(1)]);
        var list = ControlListSampler.Draw(July, [Luojin, Suqiao], ControlCandidates.Of(roster, "450326", flagged), ControlListParameters.Default);
        var store = new ControlListStore(server.Database.DataSource, server.Time);
        await store.SaveAsync(list, "2023-07");
        return await store.ListAsync(July, null);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Page_TownshipUser_SeesItsOwnListMasked_NotAnothers()
    {
        var html = await _client.PageAsync(Page);

        Assert.Equal([20, 10], _draws.Select(d => d.Items.Count));
        Assert.Contains("对照抽查名单", html, StringComparison.Ordinal);
        Assert.All(Luojins.Items, i => Assert.Contains($"data-reference=\"{i.Reference}\"", html, StringComparison.Ordinal));
        Assert.All(Luojins.Items, i => Assert.Contains(ResidentId.Mask(i.IdNumber), html, StringComparison.Ordinal));
        Assert.All(Luojins.Items, i => Assert.DoesNotContain(i.IdNumber, html, StringComparison.Ordinal));
        Assert.All(Suqiaos.Items, i => Assert.DoesNotContain(i.Reference, html, StringComparison.Ordinal));
        // Person 1 is flagged this month: never a control.
        Assert.DoesNotContain(_draws.SelectMany(d => d.Items), i => i.IdNumber == TestRecords.IdNumber(1));
    }

    [Fact]
    public async Task Download_OwnListMaskedAndAudited_AnotherTownshipsRefused()
    {
        using var own = await _client.GetAsync($"/townships/{Own}/control-list/2023-07.xlsx");
        using var other = await _client.GetAsync($"/townships/{Uri.EscapeDataString(Suqiao)}/control-list/2023-07.xlsx");
        using var full = await _client.GetAsync($"/townships/{Own}/control-list/2023-07.xlsx?full=1");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (own.StatusCode, other.StatusCode, full.StatusCode));
        var bytes = await own.Content.ReadAsByteArrayAsync();
        var text = SheetText(bytes);
        Assert.All(Luojins.Items, i => Assert.Contains(ResidentId.Mask(i.IdNumber), text, StringComparison.Ordinal));
        Assert.All(Luojins.Items, i => Assert.DoesNotContain(i.IdNumber, text, StringComparison.Ordinal));
        // Read back as a returned list, its rows are the township's own list, in draw order.
        Assert.Equal(Luojins.Items.Select(i => i.Reference), ReturnedWorklistReader.Read(bytes, "a.xlsx").Rows.Select(r => r.Reference));
        Assert.Equal("(luojin1,download-control-list,\"罗锦镇 2023-07 xlsx\",20,f)",
            await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT user_name, action, subject, rows, full_ids FROM reliefmatch.audit_log WHERE action = 'download-control-list'"));
    }

    [Fact]
    public async Task Store_BehindTheTownshipWall_ReadsOnlyTheTownshipsOwnList()
    {
        var store = new ControlListStore(_server.Database.DataSource, _server.Time);
        using (TownshipWall.Enter(Luojin))
        {
            Assert.Empty(await store.ListAsync(July, Suqiao));
            Assert.Equal([Luojin], (await store.ListAsync(July, null)).Select(d => d.Township));
        }
        Assert.Equal([Luojin, Suqiao], (await store.ListAsync(July, null)).Select(d => d.Township));
    }

    [Fact]
    public async Task Outcome_OwnControl_RecordedAsAnswered_AnothersAndAProblemWithoutRemarksRefused()
    {
        var mine = Luojins.Items[0].Reference;
        var theirs = Suqiaos.Items[0].Reference;

        using var noRemarks = await PostAsync(mine, ControlResultText.ProblemText, "");
        using var other = await PostAsync(theirs, ControlResultText.NoProblemText, "");
        using var wrongWord = await PostAsync(mine, "属实", "已停保");
        using var ok = await PostAsync(mine, ControlResultText.ProblemText, "家中新购轿车");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.OK),
            (noRemarks.StatusCode, other.StatusCode, wrongWord.StatusCode, ok.StatusCode));
        Assert.Contains("须在“处置情况”中写明发现的问题", await noRemarks.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("不是本乡镇的抽查对象", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("只能填“有问题”或“无问题”", await wrongWord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await ok.Content.ReadAsStringAsync();
        Assert.Contains("对照抽查：有问题", page, StringComparison.Ordinal);
        Assert.Contains("id=\"control-answered\">1<", page, StringComparison.Ordinal);
        Assert.Equal($"({mine},problem,家中新购轿车,赵六,2023-08-05,luojin1)",
            await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT reference, result, remarks, checked_by, checked_on, recorded_by FROM reliefmatch.control_items WHERE result IS NOT NULL"));
    }

    private Task<HttpResponseMessage> PostAsync(string reference, string result, string remarks) =>
        _client.PostFormAsync($"/townships/{Own}/outcomes?period=2023-07", Page,
            ("reference", reference), ("result", result), ("remarks", remarks), ("checked_by", "赵六"), ("checked_on", "2023-08-05"));

    private static string SheetText(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var text = new StringBuilder();
        foreach (var part in document.WorkbookPart!.WorksheetParts)
        {
            text.Append(part.Worksheet!.InnerText);
        }
        return text.ToString();
    }
}
