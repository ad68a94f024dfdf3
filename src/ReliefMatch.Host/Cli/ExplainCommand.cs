using System.CommandLine;
using Microsoft.Extensions.Logging;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Accuracy;
using ReliefMatch.Host.Runs;
using ReliefMatch.Storage.Findings;
using ReliefMatch.Storage.Workplace;
using Spectre.Console;

namespace ReliefMatch.Host.Cli;

/// <summary>
/// <c>reliefmatch explain REFERENCE|ID</c>: why a person was flagged — the rule and its version, and for each
/// piece of evidence the extract file, its SHA-256 and the row — so that a flag can be re-derived months later.
/// </summary>
public static class ExplainCommand
{
    public static Command Create()
    {
        var term = new Argument<string>("reference-or-id") { Description = "预警编号 from a worklist, or an 18-character ID number." };
        var period = CommonOptions.Period(false, "The month the finding is viewed for (its rule version, the money to recover); default: the latest month that produced it.");
        var command = new Command("explain", "Show the stored findings for a 预警编号 or ID number with their rule version and evidence files.") { term, period };
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
                AnsiConsole.MarkupLine("[yellow]没有找到预警 (no finding with that 预警编号 or ID number).[/]");
                return 1;
            }
            foreach (var f in found)
            {
                var month = f.ViewedFor(asked);
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(f.Reference)}[/]  {Markup.Escape(f.RuleId)} v{f.VersionIn(month)}  {Markup.Escape(f.Name)} {Markup.Escape(f.IdNumber)}");
                AnsiConsole.MarkupLine($"  {Markup.Escape(f.Township)} {Markup.Escape(f.Village)} 家庭编号 {Markup.Escape(f.HouseholdId)}; confidence {f.Confidence}; status {f.Status}; first seen {f.FirstSeen}, last seen {f.LastSeen}"
                    + (f.DispositionReason is null ? "" : $"; 处置 {Markup.Escape(f.DispositionReason)}"));
                AnsiConsole.MarkupLine($"  viewed for {month}; rule version by month: {string.Join(", ", f.Periods.Select(p => $"{p.Key} v{p.Value}"))}");
                if (await MonthRecovery.OfFindingAsync(queries, rules, month, f.Key, f.Township, cancellationToken) is { } overpayment)
                {
                    AnsiConsole.MarkupLine($"  {Markup.Escape(overpayment.Note(FindingStatusText.Parse(f.Status)))}");
                }
                foreach (var e in f.Evidence)
                {
                    AnsiConsole.MarkupLine($"  证据 {Markup.Escape(e.Text)}");
                    AnsiConsole.MarkupLine($"       {Markup.Escape(e.File ?? $"extract {e.ExtractId}")} row {e.Row}, sha256 {e.Sha256}, imported for {e.Period}");
                }
            }
            return 0;
        });
        return command;
    }
}
