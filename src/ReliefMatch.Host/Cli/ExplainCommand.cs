using System.CommandLine;
using Microsoft.Extensions.Logging;
using ReliefMatch.Storage.Findings;
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
        var command = new Command("explain", "Show the stored findings for a 预警编号 or ID number with their rule version and evidence files.") { term };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var logging = CommonOptions.Logging(parse);
            await using var database = await CommonOptions.OpenDatabaseAsync(parse, logging.CreateLogger("reliefmatch"), cancellationToken);
            var found = await new FindingExplainer(database.DataSource).FindAsync(parse.GetValue(term)!, cancellationToken);
            if (found.Count == 0)
            {
                AnsiConsole.MarkupLine("[yellow]没有找到预警 (no finding with that 预警编号 or ID number).[/]");
                return 1;
            }
            foreach (var f in found)
            {
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(f.Reference)}[/]  {Markup.Escape(f.RuleId)} v{f.RuleVersion}  {Markup.Escape(f.Name)} {Markup.Escape(f.IdNumber)}");
                AnsiConsole.MarkupLine($"  {Markup.Escape(f.Township)} {Markup.Escape(f.Village)} 家庭编号 {Markup.Escape(f.HouseholdId)}; confidence {f.Confidence}; status {f.Status}; first seen {f.FirstSeen}, last seen {f.LastSeen}"
                    + (f.DispositionReason is null ? "" : $"; 处置 {Markup.Escape(f.DispositionReason)}"));
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
