using System.Globalization;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Host.Runs;
using ReliefMatch.Host.Web.Html;
using ReliefMatch.Storage.Workplace;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>
/// 规则试算 (<c>/county/months/2023-07/replay</c>): a county officer edits a rule's text (or uploads a rule file) and runs
/// it against a month already run. The page lists the findings the change adds and removes, by township, with their
/// evidence (IDs masked), and the 统计表 cells that would move; nothing stored changes. Publishing the version is a
/// separate button and a separate audited act: the file is written into the installation's rule folder and applies
/// from the next run.
/// </summary>
public static class ReplayPages
{
    public static void Map(RouteGroupBuilder county)
    {
        county.MapGet("/months/{period}/replay", FormAsync);
        county.MapPost("/months/{period}/replay", ReplayAsync);
        county.MapPost("/months/{period}/replay/publish", PublishAsync);
    }

    /// <summary>Link to the page, for the month page.</summary>
    public static string Link(ReportingMonth month, string? rule = null) => Links.Month(month) + "/replay" + Links.Query(("rule", rule));

    private static RuleSet RulesInForce(MonthServices s) => s.Settings.RulesFolder is { } folder ? RuleFolder.Load(folder) : s.Rules;

    private static Task<IResult> FormAsync(HttpContext context, string period, MonthServices s)
    {
        if (!ReportingMonth.TryParse(period, out var month))
        {
            return Task.FromResult(PageResults.NotFound(context));
        }
        var rules = RulesInForce(s);
        var chosen = rules.Find(context.Request.Query["rule"].ToString()) ?? rules.Rules[0];
        var text = s.Settings.RulesFolder is { } folder ? File.ReadAllText(Path.Combine(folder, chosen.File)) : "";
        return Task.FromResult(Render(context, month, rules, chosen.Id, text, Markup.Empty, StatusCodes.Status200OK));
    }

    private static IResult Render(HttpContext context, ReportingMonth month, RuleSet rules, string? chosen, string text, Markup results, int status)
    {
        var choices = rules.Rules.Select(r => Of($"""<li><a href="{Link(month, r.Id)}" data-rule="{r.Id}">{(r.Id == chosen ? Of($"<b>{r.Title}</b>") : Of($"{r.Title}"))}</a>（{r.Id}，第 {r.Version} 版）</li>"""));
        var content = Of($"""
            <p><a href="{Links.Month(month)}">← 返回{FindingText.ChineseMonth(month)}月份页</a></p>
            <div class="box" id="replay-intro"><h2>规则试算</h2>
            <p class="muted">在{FindingText.ChineseMonth(month)}已导入的数据上试算修改后的规则：列出它新增和减少的预警、统计表会变动的数字。试算不发布任何东西，已保存的预警、统计表、上报版本和核查清单都不变。确认后可另行发布为新的规则版本（记入审计日志），从下次比对运行起生效；已有的预警保留产生它的规则版本。</p>
            <p>选择要修改的规则：</p><ul id="replay-rules">{choices}</ul>
            <form method="post" action="{Links.Month(month)}/replay" enctype="multipart/form-data">{Layout.AntiforgeryField(context)}
            <p><label>规则文件内容（YAML）<br><textarea name="text" id="rule-text" rows="16" cols="100" spellcheck="false">{text}</textarea></label></p>
            <p><label>或上传规则文件 <input type="file" name="file" id="rule-file" accept=".yaml,.yml"></label></p>
            <button type="submit" id="replay">试算</button></form></div>
            {results}
            """);
        return PageResults.Page(context, $"{FindingText.ChineseMonth(month)} · 规则试算", content, status);
    }

    private static async Task<(string Name, string Text)> PostedRuleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form.Files.GetFile("file") is { Length: > 0 } upload)
        {
            using var reader = new StreamReader(upload.OpenReadStream());
            return (Path.GetFileName(upload.FileName), await reader.ReadToEndAsync(context.RequestAborted));
        }
        return ("试算的规则", form["text"].ToString());
    }

    private static async Task<IResult> ReplayAsync(HttpContext context, string period, MonthServices s)
    {
        if (!ReportingMonth.TryParse(period, out var month))
        {
            return PageResults.NotFound(context);
        }
        var rules = RulesInForce(s);
        var (name, text) = await PostedRuleAsync(context);
        ReplayResult result;
        try
        {
            result = await new RuleReplay(s.DataSource, rules, s.Settings.Installation).ReplayAsync(month, new RuleFile(name, text), context.RequestAborted);
        }
        catch (RuleFileException e)
        {
            return Render(context, month, rules, null, text, Of($"""<p class="msg" id="replay-message">规则文件有误，未试算：{e.Message}</p>"""), StatusCodes.Status400BadRequest);
        }
        catch (RunRefusedException e)
        {
            return Render(context, month, rules, null, text, Of($"""<p class="msg" id="replay-message">{e.Message}</p>"""), StatusCodes.Status409Conflict);
        }
        await WorkplaceAudit.WriteAsync(context, AuditActions.ReplayRule, ReplayText.Summary(result), result.Added.Count + result.Removed.Count);
        return Render(context, month, rules, result.New.Id, text, Results(context, result, text, s.Settings.RulesFolder is not null), StatusCodes.Status200OK);
    }

    private static Markup Results(HttpContext context, ReplayResult result, string text, bool canPublish)
    {
        var publish = canPublish
            ? Of($"""
                <form method="post" action="{Links.Month(result.Period)}/replay/publish" id="publish-form">{Layout.AntiforgeryField(context)}
                <input type="hidden" name="text" value="{text}">
                <p class="muted">发布会把这个规则文件写入本安装的规则目录{(result.Old is { } o ? Of($"，版本号升为第 {Math.Max(o.Version + 1, result.New.Version)} 版") : Markup.Empty)}，从下次比对运行起生效，并记入审计日志。</p>
                <button type="submit" id="publish-rule">发布为新的规则版本</button></form>
                """)
            : Of($"""<p class="muted">本安装没有指定规则目录，不能从网页发布规则；请修改规则目录中的文件。</p>""");
        return Of($"""
            <div class="box" id="replay-result"><h2>试算结果</h2>
            <p id="replay-summary">{ReplayText.Summary(result)}</p>
            <h3>新增的预警（{result.Added.Count} 条）</h3>{Findings(result.Added, "replay-added")}
            <h3>减少的预警（{result.Removed.Count} 条）</h3>{Findings(result.Removed, "replay-removed")}
            <h3>统计表会变动的数字（{result.Cells.Count} 处）</h3>{Cells(result.Cells)}
            {publish}</div>
            """);
    }

    private static Markup Findings(IReadOnlyList<Finding> findings, string id)
    {
        if (findings.Count == 0)
        {
            return Of($"""<p class="muted" id="{id}">没有。</p>""");
        }
        var rows = findings.Select(f => Of($"""
            <tr data-township="{f.Township}"><td>{f.Township}</td><td>{f.Village}</td><td>{f.Name}</td><td>{ResidentId.Mask(f.IdNumber)}</td><td>{FindingText.Warning(f)}</td><td>{FindingText.Evidence(f, fullIds: false)}</td></tr>
            """));
        return Of($"""<table id="{id}"><thead><tr><th>乡镇</th><th>村</th><th>姓名</th><th>身份证号</th><th>预警类型</th><th>证据</th></tr></thead><tbody>{rows}</tbody></table>""");
    }

    private static Markup Cells(IReadOnlyList<ReplayCell> cells)
    {
        if (cells.Count == 0)
        {
            return Of($"""<p class="muted" id="replay-cells">统计表的数字都不变。</p>""");
        }
        var rows = cells.Select(c => Of($"""<tr data-unit="{c.Unit}" data-cell="{c.Path}"><td>{c.Unit}</td><td>{c.Words}</td><td class="n">{c.Was}</td><td class="n"><b>{c.Will}</b></td></tr>"""));
        return Of($"""<table id="replay-cells"><thead><tr><th>单位</th><th>项目</th><th>现在</th><th>试算后</th></tr></thead><tbody>{rows}</tbody></table>""");
    }

    private static async Task<IResult> PublishAsync(HttpContext context, string period, MonthServices s)
    {
        if (!ReportingMonth.TryParse(period, out var month))
        {
            return PageResults.NotFound(context);
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var text = form["text"].ToString();
        var before = RulesInForce(s);
        if (s.Settings.RulesFolder is not { } folder)
        {
            return Render(context, month, before, null, text, Of($"""<p class="msg" id="publish-rule-message">本安装没有指定规则目录，不能从网页发布规则。</p>"""), StatusCodes.Status409Conflict);
        }
        Rule published;
        try
        {
            (published, _) = RulePublisher.Publish(folder, new RuleFile("发布的规则", text));
        }
        catch (RuleFileException e)
        {
            return Render(context, month, before, null, text, Of($"""<p class="msg" id="publish-rule-message">规则文件有误，未发布：{e.Message}</p>"""), StatusCodes.Status400BadRequest);
        }
        var old = before.Find(published.Id);
        var was = old is null ? "新规则" : string.Create(CultureInfo.InvariantCulture, $"原第 {old.Version} 版");
        await WorkplaceAudit.WriteAsync(context, AuditActions.PublishRule, $"规则 {published.Id}（{published.Title}）发布第 {published.Version} 版（{was}）");
        var message = Of($"""<p class="msg good" id="publish-rule-message">规则 {published.Title}（{published.Id}）已发布为第 {published.Version} 版（{was}），从下次比对运行起生效；已有的预警保留产生它们的规则版本。</p>""");
        var after = RuleFolder.Load(folder);
        // In force for every page from now on: titles, versions and the next replay read the published file.
        context.RequestServices.GetRequiredService<CurrentRules>().Replace(after);
        return Render(context, month, after, published.Id, File.ReadAllText(Path.Combine(folder, published.File)), message, StatusCodes.Status200OK);
    }
}
