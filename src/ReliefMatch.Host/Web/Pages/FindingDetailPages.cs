using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Host.Accuracy;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Host.Web.Accounts;
using ReliefMatch.Host.Web.Html;
using ReliefMatch.Storage.Findings;
using ReliefMatch.Storage.Workplace;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>
/// One finding as <c>reliefmatch explain</c> shows it: the rule (its version when the finding was raised, and the
/// parameters of the rule file in use), the person and household, and every piece of evidence with its source, the file
/// it was read from, that file's SHA-256 and the row — enough to re-derive the flag months later. A township user sees
/// the findings of their own township only (the database's wall: another's is not found), with IDs masked; the county
/// may ask for them in full, which is audited.
/// </summary>
public static partial class FindingDetailPages
{
    private static readonly JsonSerializerOptions ParameterJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/findings/{reference}", DetailAsync);

    private static async Task<IResult> DetailAsync(HttpContext context, string reference, FindingExplainer explainer, RuleSet rules, FindingQueries queries)
    {
        if (PageInput.FullIdsRefused(context))
        {
            return PageResults.Forbidden(context);
        }
        var wanted = reference.Trim().ToUpperInvariant();
        // Only a 预警编号: an ID number in an address would sit in logs and browser histories.
        if (!ReferencePattern().IsMatch(wanted))
        {
            return PageResults.NotFound(context);
        }
        var found = (await explainer.FindAsync(wanted, context.RequestAborted)).Where(f => string.Equals(f.Reference, wanted, StringComparison.Ordinal)).ToList();
        if (found.Count == 0)
        {
            return PageResults.NotFound(context);
        }
        var f = found[0];
        if (!context.User.MaySee(f.Township))
        {
            return PageResults.Forbidden(context);
        }
        var full = PageInput.WantsFullIds(context);
        if (full)
        {
            await WorkplaceAudit.WriteAsync(context, AuditActions.RevealIds, $"预警 {f.Reference} 详情（{f.Township} {f.Name}）", 1, fullIds: true);
        }
        string Text(string? value) => value is null ? "" : full ? value : IdText.MaskIds(value);
        var rule = rules.Find(f.RuleId);
        var status = FindingStatusText.Parse(f.Status);
        // The month the finding is viewed for (?period=, as the month and township pages link it; else the latest that
        // produced it): the rule version that raised it then, and the money to recover of that month.
        var month = f.ViewedFor(ReportingMonth.TryParse(context.Request.Query["period"].ToString(), out var asked) ? asked : null);
        var version = f.VersionIn(month);
        var overpayment = await MonthRecovery.OfFindingAsync(queries, rules, month, f.Key, f.Township, context.RequestAborted);
        var recover = overpayment is null
            ? Markup.Empty
            : Of($"""<tr><th>应追回资金</th><td id="finding-recovery" class="{(status == FindingStatus.Confirmed ? "warn" : "muted")}" data-amount="{RecoverySection.Data(overpayment.Amount)}">{overpayment.Note(status)}</td></tr>""");
        var versions = f.Periods.Count < 2 || f.Periods.All(p => p.Value == f.Periods[0].Value)
            ? Markup.Empty
            : Of($"""<tr><th>各月规则版本</th><td id="finding-versions">{string.Join("；", f.Periods.Select(p => $"{p.Key} 第 {p.Value} 版"))}</td></tr>""");
        var reveal = context.User.IsCounty() && !full
            ? Of($"""<p><a id="reveal" href="{Links.Finding(f.Reference, fullIds: true, period: month)}">显示完整身份证号</a>（将记入审计日志）</p>""")
            : Markup.Empty;
        var evidence = f.Evidence.Select(e => Of($"""
            <tr><td>{SourceRef.Of(e.Source, rules.Sources).ChineseName}</td><td>{Text(e.Text)}</td><td>{e.File ?? $"导入编号 {e.ExtractId}（文件记录已不在）"}</td><td class="n">{e.Row}</td><td>{e.Period}</td><td class="hash">{e.Sha256}</td></tr>
            """));
        var content = Of($"""
            {reveal}
            <table id="finding" class="fields"><tbody>
            <tr><th>预警编号</th><td id="finding-reference">{f.Reference}</td></tr>
            <tr><th>预警类型</th><td id="finding-rule" data-period="{month.ToString()}">{rule?.Title ?? f.RuleId}（规则 {f.RuleId}，第 {version} 版：{FindingText.ChineseMonth(month)}的比对按此版产生）</td></tr>
            {versions}
            <tr><th>姓名</th><td id="finding-name">{f.Name}</td></tr>
            <tr><th>身份证号</th><td id="finding-id">{PageInput.Id(f.IdNumber, full)}</td></tr>
            <tr><th>乡镇 / 村</th><td>{f.Township} {f.Village}</td></tr>
            <tr><th>家庭编号</th><td>{f.HouseholdId}</td></tr>
            <tr><th>身份匹配</th><td id="finding-confidence">{ConfidenceWords(f.Confidence)}</td></tr>
            <tr><th>状态</th><td id="finding-status">{status.Chinese()}</td></tr>
            <tr><th>首次 / 最近预警</th><td>{f.FirstSeen} / {f.LastSeen}</td></tr>
            <tr><th>处置情况</th><td id="finding-disposition">{Text(f.DispositionReason)}</td></tr>
            {recover}
            </tbody></table>
            <h2>规则参数</h2>
            {Parameters(rule, version)}
            <h2>证据</h2>
            <p class="muted">每条证据来自哪份导入文件的哪一行；SHA-256 可与保存的原文件核对。</p>
            <div class="wide"><table id="evidence"><thead><tr><th>来源</th><th>内容</th><th>文件</th><th>行</th><th>数据月份</th><th>SHA-256</th></tr></thead><tbody>{evidence}</tbody></table></div>
            """);
        return PageResults.Page(context, $"预警详情 {f.Reference}", content);
    }

    /// <summary>The parameters of the rule file in use, and a word when its version is not the one the finding was raised under.</summary>
    private static Markup Parameters(Rule? rule, int raisedUnder)
    {
        if (rule is null)
        {
            return Of($"""<p class="warn" id="rule-parameters">现行规则文件中已没有这条规则。</p>""");
        }
        using var json = JsonDocument.Parse(JsonSerializer.Serialize((object)rule.Parameters, ParameterJson));
        var items = json.RootElement.ValueKind == JsonValueKind.Object
            ? json.RootElement.EnumerateObject().Select(p => Of($"<li><code>{p.Name}</code>：{p.Value.ToString()}</li>")).ToList()
            : [];
        var version = rule.Version == raisedUnder
            ? Markup.Empty
            : Of($"""<p class="warn">现行规则为第 {rule.Version} 版，本预警按第 {raisedUnder} 版产生；下列为现行参数。</p>""");
        var list = items.Count == 0 ? Of($"<p class=\"muted\">本规则没有参数。</p>") : Of($"<ul>{items}</ul>");
        return Of($"""<div id="rule-parameters">{version}<p>办理时限：首次预警当月月底后 {rule.DueDays} 天；建议处置：{rule.Action}</p>{list}</div>""");
    }

    /// <summary>How the person was matched, in the words of the finding page and <c>reliefmatch explain</c>.</summary>
    internal static string ConfidenceWords(string id) => id switch
    {
        "exact" => "身份证号与姓名一致",
        "repaired" => "身份证号有误，纠正一位或相邻两位后与同名人员一致",
        "probable" => "无可用身份证号，按姓名、性别、出生日期与唯一一人一致",
        "review" => "身份证号相同、姓名不同，须人工核实",
        _ => id,
    };

    [GeneratedRegex("^YJ[0-9A-F]{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();
}
