using Npgsql;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Statistics;
using ReliefMatch.Storage.Findings;
using ReliefMatch.Storage.Loading;
using ReliefMatch.Storage.Workplace;
using ReliefMatch.Host.Web.Pages;

namespace ReliefMatch.Host.Runs;

/// <summary>
/// Rule replay: a changed rule file run against a month already run, publishing nothing. The month's data is evaluated
/// under the rules in force and under the rules with the changed file in place of the rule of its id (or beside them,
/// for a new id); the findings the change adds and removes are the difference of the two, so data imported since the
/// run does not pass for the rule's doing. The 统计表 is counted from the month's stored findings as they stand, and again
/// with the change applied (added findings open), and every cell that moves is listed. Reads only: findings, runs,
/// published sheets and worklists stay as they are.
/// </summary>
public sealed class RuleReplay(NpgsqlDataSource dataSource, RuleSet rules, Installation installation)
{
    /// <exception cref="RuleFileException">The changed file is not a valid rule.</exception>
    /// <exception cref="RunRefusedException">The month has no succeeded run to compare with.</exception>
    public async Task<ReplayResult> ReplayAsync(ReportingMonth period, RuleFile changed, CancellationToken cancellationToken = default)
    {
        var rule = RuleFileLoader.Load(changed, rules.Sources);
        var old = rules.Find(rule.Id);
        var replayed = RuleSet.From(rules.Rules.Where(r => !string.Equals(r.Id, rule.Id, StringComparison.Ordinal)).Append(rule), rules.Sources);
        if (!(await new RunHistory(dataSource).ListAsync(1000, cancellationToken).ConfigureAwait(false)).Any(r => r.Period == period && r.Status == "succeeded"))
        {
            throw new RunRefusedException(period, $"{period} 还没有完成的比对运行，无法试算规则：请先运行本月比对。");
        }

        var data = await new ExtractSetLoader(dataSource, rules.Sources).LoadAsync(period, cancellationToken).ConfigureAwait(false);
        var before = FindingEngine.Evaluate(data, period, rules, installation.County);
        var after = FindingEngine.Evaluate(data, period, replayed, installation.County);
        var townships = MonthlyRun.HomeTownships(data, installation.HomeCountyCode);
        data = null;

        var beforeKeys = before.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var afterKeys = after.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var added = after.Where(f => !beforeKeys.Contains(f.Key)).OrderBy(f => f.Township, StringComparer.Ordinal).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
        var removed = before.Where(f => !afterKeys.Contains(f.Key)).OrderBy(f => f.Township, StringComparer.Ordinal).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();

        var stored = await new FindingStore(dataSource, TimeProvider.System).LoadPeriodAsync(period, id => replayed.Find(id)?.Title ?? id, cancellationToken).ConfigureAwait(false);
        var now = stored.Select(s => new RunFinding(s.Finding, s.FirstSeen, s.Status) { Verification = s.Verification }).ToList();
        var removedKeys = removed.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var storedKeys = now.Select(f => f.Finding.Key).ToHashSet(StringComparer.Ordinal);
        var then = now.Where(f => !removedKeys.Contains(f.Finding.Key))
            .Concat(added.Where(f => !storedKeys.Contains(f.Key)).Select(f => new RunFinding(f, period)))
            .ToList();
        var (sheetNow, _) = await MonthSheet.CountAsync(dataSource, rules, installation.HomeCountyCode, period, now, townships, cancellationToken).ConfigureAwait(false);
        var (sheetThen, _) = await MonthSheet.CountAsync(dataSource, replayed, installation.HomeCountyCode, period, then, townships, cancellationToken).ConfigureAwait(false);

        return new ReplayResult(period, old, rule, added, removed, Moves(sheetNow, sheetThen));
    }

    /// <summary>Every cell of the sheet, unit by unit (townships in order, then 全县), whose figure differs.</summary>
    public static IReadOnlyList<ReplayCell> Moves(MonthStatistics was, MonthStatistics will)
    {
        var units = was.Townships.Select(t => t.Township).Concat(will.Townships.Select(t => t.Township))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Append(ReplayCell.County).ToList();
        UnitStatistics? Figures(MonthStatistics m, string unit) => unit == ReplayCell.County ? m.County : m.For(unit);
        var moves = new List<ReplayCell>();
        foreach (var unit in units)
        {
            foreach (var (path, words, value) in SheetFigures.Cells())
            {
                var a = Figures(was, unit) is { } p ? value(p) : "";
                var b = Figures(will, unit) is { } q ? value(q) : "";
                if (!string.Equals(a, b, StringComparison.Ordinal))
                {
                    moves.Add(new ReplayCell(unit, path, words, a, b));
                }
            }
        }
        return moves;
    }
}
