using System.Net;
using ReliefMatch.Tests.Host.Runs;
using ReliefMatch.Tests.Infrastructure;
using static ReliefMatch.Tests.Host.Web.WebTestData;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// A rule version published from the web is in force for the pages at once: the township page prints the new title, the
/// finding's page says the rule in force is version 2 while the finding was raised under version 1 — no restart.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RulePublishPagesTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string NewTitle = "死亡人员仍在享受救助（公安注销）";
    private readonly string _rules = TempFolder.Create("publish-pages-rules");
    private WorkplaceServer _server = null!;

    public async Task InitializeAsync()
    {
        RuleReplayTests.CopyRules(_rules);
        _server = await WorkplaceServer.StartAsync(postgres, rulesFolder: _rules);
        await _server.AddUserAsync("county1", null);
        await _server.SaveRunAsync(July, Deceased(1, Luojin));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        TempFolder.Delete(_rules);
    }

    [Fact]
    public async Task Publish_NewTitleAndVersion_ShownWithoutARestart()
    {
        using var county = _server.Client();
        await county.SignInOkAsync("county1");
        var finding = Deceased(1, Luojin);
        Assert.Contains("死亡人员仍在享受救助", await county.PageAsync($"/townships/{Uri.EscapeDataString(Luojin)}?period=2023-07"), StringComparison.Ordinal);

        var text = RuleReplayTests.PoliceOnly.Replace("title: 死亡人员仍在享受救助", "title: " + NewTitle, StringComparison.Ordinal);
        Assert.NotEqual(RuleReplayTests.PoliceOnly, text);
        using var published = await county.PostFormAsync("/county/months/2023-07/replay/publish", "/county/months/2023-07/replay", ("text", text));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        Assert.Contains(NewTitle, await county.PageAsync($"/townships/{Uri.EscapeDataString(Luojin)}?period=2023-07"), StringComparison.Ordinal);
        var detail = await county.PageAsync($"/findings/{finding.Reference}");
        Assert.Contains(NewTitle, detail, StringComparison.Ordinal);
        Assert.Contains("现行规则为第 2 版，本预警按第 1 版产生", detail, StringComparison.Ordinal);
        Assert.Contains("（deceased-recipient，第 2 版）", await county.PageAsync("/county/months/2023-07/replay"), StringComparison.Ordinal);
    }
}
