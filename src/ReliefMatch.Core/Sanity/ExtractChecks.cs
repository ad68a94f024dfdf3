using System.Globalization;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sources;

namespace ReliefMatch.Core.Sanity;

/// <summary>
/// The extract sanity checks: a month's extracts of a source against the same source's previous month (the latest
/// earlier month it has extracts for). Pure: the figures are read by storage, the thresholds come from
/// <c>rules/settings/sanity.yaml</c>. A check whose figures are not known on either side (an extract stored before
/// headers were kept) says nothing rather than guess.
/// </summary>
public static class ExtractChecks
{
    /// <param name="current">The month's extracts of the source.</param>
    /// <param name="previous">The same source's previous month, or null when the source has none before.</param>
    /// <param name="catalog">The declarations, for the Chinese header of a date field; the shipped ones unless given.</param>
    public static IReadOnlyList<SanityWarning> Compare(SourceMonth current, SourceMonth? previous, SanityThresholds thresholds, SourceCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(thresholds);
        var warnings = new List<SanityWarning>();
        if (current.Extracts.Count == 0)
        {
            return warnings;
        }
        if (previous is { Extracts.Count: > 0 })
        {
            warnings.AddRange(ColumnChanges(current, previous));
            if (RowCount(current, previous, thresholds) is { } rows)
            {
                warnings.Add(rows);
            }
            if (RejectedShare(current, previous, thresholds) is { } rejected)
            {
                warnings.Add(rejected);
            }
            if (LostTownships(current, previous) is { } townships)
            {
                warnings.Add(townships);
            }
        }
        warnings.AddRange(DatesOutside(current, previous, thresholds, catalog ?? SourceCatalog.Shipped));
        return warnings;
    }

    private static string Files(SourceMonth month) => string.Join("、", month.Extracts.Select(e => e.File).Order(StringComparer.Ordinal));

    private static string Percent(decimal share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Month(ReportingMonth m) => string.Create(CultureInfo.InvariantCulture, $"{m.Year}年{m.Month}月");

    /// <summary>Each file with known columns against the previous month's file most like it: same name but for digits, else most columns shared.</summary>
    private static IEnumerable<SanityWarning> ColumnChanges(SourceMonth current, SourceMonth previous)
    {
        var candidates = previous.Extracts.Where(e => e.Columns is not null).ToList();
        foreach (var file in current.Extracts.Where(e => e.Columns is not null).OrderBy(e => e.File, StringComparer.Ordinal))
        {
            var now = file.Columns!;
            var match = candidates.FirstOrDefault(p => string.Equals(Shape(p.File), Shape(file.File), StringComparison.Ordinal))
                ?? candidates.OrderByDescending(p => p.Columns!.Intersect(now, StringComparer.Ordinal).Count()).ThenBy(p => p.File, StringComparer.Ordinal).FirstOrDefault();
            if (match is null)
            {
                continue;
            }
            var before = match.Columns!;
            var gone = before.Except(now, StringComparer.Ordinal).ToList();
            var added = now.Except(before, StringComparer.Ordinal).ToList();
            if (gone.Count == 0 && added.Count == 0)
            {
                continue;
            }
            var parts = new List<string>();
            if (gone.Count > 0)
            {
                parts.Add($"少了 {string.Join("、", gone)}");
            }
            if (added.Count > 0)
            {
                parts.Add($"多了 {string.Join("、", added)}");
            }
            yield return new SanityWarning(SanityCheck.Columns, current.Source, current.Period, file.File,
                $"{now.Count} 列：{string.Join("、", now)}", $"{before.Count} 列：{string.Join("、", before)}",
                $"{file.File} 的表头与{Month(previous.Period)}的 {match.File} 不同：{string.Join("；", parts)}。请确认数据部门是否改了导出格式。");
        }
    }

    /// <summary>The file name with its digits (the month stamp) taken out: 医保结算_住院_202307.csv → 医保结算_住院_.csv.</summary>
    private static string Shape(string file) => new(file.Where(c => !char.IsAsciiDigit(c)).ToArray());

    private static SanityWarning? RowCount(SourceMonth current, SourceMonth previous, SanityThresholds thresholds)
    {
        var before = previous.RowsRead;
        var now = current.RowsRead;
        if (before <= 0 || before < thresholds.MinimumRows)
        {
            return null;
        }
        var change = (decimal)(now - before) / before;
        if (Math.Abs(change) <= thresholds.RowChangeShare)
        {
            return null;
        }
        var direction = change > 0 ? "增加" : "减少";
        return new SanityWarning(SanityCheck.RowCount, current.Source, current.Period, Files(current), $"{Count(now)} 行", $"{Count(before)} 行",
            $"{Files(current)}：本月共读取 {Count(now)} 行，{Month(previous.Period)}为 {Count(before)} 行，{direction} {Percent(Math.Abs(change))}，超过 {Percent(thresholds.RowChangeShare)}。请确认文件是否完整、是否为本月的数据。");
    }

    private static SanityWarning? RejectedShare(SourceMonth current, SourceMonth previous, SanityThresholds thresholds)
    {
        if (current.RowsRead <= 0 || previous.RowsRead <= 0)
        {
            return null;
        }
        var now = (decimal)current.Rejected / current.RowsRead;
        var before = (decimal)previous.Rejected / previous.RowsRead;
        if (now - before <= thresholds.RejectedShareJump)
        {
            return null;
        }
        return new SanityWarning(SanityCheck.RejectedShare, current.Source, current.Period, Files(current),
            $"{Percent(now)}（{Count(current.Rejected)} / {Count(current.RowsRead)} 行）", $"{Percent(before)}（{Count(previous.Rejected)} / {Count(previous.RowsRead)} 行）",
            $"{Files(current)}：拒收行占 {Percent(now)}（{Count(current.Rejected)} 行），{Month(previous.Period)}为 {Percent(before)}，高出 {Percent(now - before)}，超过 {Percent(thresholds.RejectedShareJump)}。请查看拒收原因。");
    }

    private static SanityWarning? LostTownships(SourceMonth current, SourceMonth previous)
    {
        if (!current.Snapshot || current.Extracts.Any(e => e.Townships is null) || previous.Extracts.Any(e => e.Townships is null))
        {
            return null;
        }
        var now = current.Extracts.SelectMany(e => e.Townships!).ToHashSet(StringComparer.Ordinal);
        var before = previous.Extracts.SelectMany(e => e.Townships!).ToHashSet(StringComparer.Ordinal);
        var lost = before.Where(t => !now.Contains(t)).Order(StringComparer.Ordinal).ToList();
        if (lost.Count == 0)
        {
            return null;
        }
        return new SanityWarning(SanityCheck.Townships, current.Source, current.Period, Files(current), $"{now.Count} 个乡镇", $"{before.Count} 个乡镇",
            $"{Files(current)}：本月快照没有 {string.Join("、", lost)} 的任何记录，{Month(previous.Period)}的快照有（本月 {now.Count} 个乡镇，上月 {before.Count} 个）。请确认文件是否缺了乡镇。");
    }

    private static IEnumerable<SanityWarning> DatesOutside(SourceMonth current, SourceMonth? previous, SanityThresholds thresholds, SourceCatalog catalog)
    {
        if (!thresholds.MonthDates.TryGetValue(current.Source, out var fields))
        {
            yield break;
        }
        foreach (var field in fields)
        {
            var (inMonth, total, commonest) = Dates(current, field);
            if (total == 0 || inMonth > 0)
            {
                continue;
            }
            var header = catalog.Find(current.Source)?.Field(field)?.Headers.FirstOrDefault() ?? field;
            var before = previous is null ? "—" : Dates(previous, field) is var (pIn, pTotal, _) && pTotal > 0 ? $"{Count(pIn)} / {Count(pTotal)} 在{Month(previous.Period)}" : "—";
            var most = commonest is { } m ? $"，最多的是 {m}" : "";
            yield return new SanityWarning(SanityCheck.Dates, current.Source, current.Period, Files(current), $"0 / {Count(total)} 在{Month(current.Period)}", before,
                $"{Files(current)}：{header}（{field}）的 {Count(total)} 个日期没有一个在{Month(current.Period)}{most}。可能是别的月份的文件，请确认数据月份。");
        }
    }

    private static (int InMonth, int Total, string? Commonest) Dates(SourceMonth month, string field)
    {
        var byMonth = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var extract in month.Extracts)
        {
            if (extract.DateMonths.TryGetValue(field, out var counts))
            {
                foreach (var (m, n) in counts)
                {
                    byMonth[m] = byMonth.GetValueOrDefault(m) + n;
                }
            }
        }
        var commonest = byMonth.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).FirstOrDefault();
        return (byMonth.GetValueOrDefault(month.Period.ToString()), byMonth.Values.Sum(), commonest);
    }
}
