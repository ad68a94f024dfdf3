using System.CommandLine;
using Microsoft.Extensions.Logging;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Accuracy;
using ReliefMatch.Host.Runs;
using ReliefMatch.Host.Web.Pages;
using ReliefMatch.Storage.Findings;
using ReliefMatch.Storage.Workplace;
using Spectre.Console;

namespace ReliefMatch.Host.Cli;

/// <summary>
/// <c>reliefmatch explain REFERENCE|ID</c>: why a person was flagged — the rule and its version, and for each
/// piece of evidence the extract file, its SHA-256 and the row — so that a flag can be re-derived months later. The ID
/// number is printed masked 6+4, as on every report; the full number is the workplace's, on request and audited.
/// </summary>
public static class ExplainCommand
{
    public static Command Create()
    {
        var term = new Argument<string>("reference-or-id") { Description = "核查清单上的预警编号，或 18 位身份证号。" };
        var period = CommonOptions.Period(false, "按哪个月份查看预警（该月的规则版本、应追回金额）；默认：最近一次产生该预警的月份。");
        var command = new Command("explain", "查看某个预警编号或身份证号的预警：规则及其版本、证据所在的文件和行。") { term, period };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var rules = RuleFolder.Load(RuleFolder.Resolve(parse.GetValue(CommonOptions.Rules)));
            using var logging = CommonOptions.Logging(parse);
            await using var database = await CommonOptions.OpenDatabaseAsync(parse, logging.CreateLogger("reliefmatch"), cancellationToken);
            var found = await new FindingExplainer(database.DataSource).FindAsync(parse.GetValue(term)!, cancellationToken);
            var asked = parse.GetResult(period) is null ? (ReportingMonth?)null : parse.GetValue(period);
            var queries = new FindingQueries(database.DataSource);
            if (found.Count == 0)
            {
                AnsiConsole.MarkupLine("[yellow]没有找到该预警编号或身份证号的预警 (no finding).[/]");
                return 1;
            }
            foreach (var f in found)
            {
                var month = f.ViewedFor(asked);
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(f.Reference)}[/]  {Markup.Escape(rules.Find(f.RuleId)?.Title ?? "")} {Markup.Escape(f.RuleId)} v{f.VersionIn(month)}  {Markup.Escape(f.Name)} {ResidentId.Mask(f.IdNumber)}");
                AnsiConsole.MarkupLine($"  {Markup.Escape(f.Township)} {Markup.Escape(f.Village)} 家庭编号 {Markup.Escape(f.HouseholdId)}；身份匹配：{Markup.Escape(FindingDetailPages.ConfidenceWords(f.Confidence))}；"
                    + $"核查状态：{FindingStatusText.Parse(f.Status).Chinese()}；首次预警 {f.FirstSeen}，最近预警 {f.LastSeen}"
                    + (f.DispositionReason is null ? "" : $"；处置 {Markup.Escape(f.DispositionReason)}"));
                AnsiConsole.MarkupLine($"  按 {month} 查看；各月的规则版本：{string.Join("，", f.Periods.Select(p => $"{p.Key} v{p.Value}"))}");
                if (await MonthRecovery.OfFindingAsync(queries, rules, month, f.Key, f.Township, cancellationToken) is { } overpayment)
                {
                    AnsiConsole.MarkupLine($"  {Markup.Escape(overpayment.Note(FindingStatusText.Parse(f.Status)))}");
                }
                foreach (var e in f.Evidence)
                {
                    AnsiConsole.MarkupLine($"  证据 {Markup.Escape(IdText.MaskIds(e.Text))}");
                    AnsiConsole.MarkupLine($"       {Markup.Escape(e.File ?? $"导入文件 #{e.ExtractId}")} 第 {e.Row} 行，SHA-256 {e.Sha256}，导入为 {e.Period} 的数据");
                }
            }
            return 0;
        });
        return command;
    }
}
