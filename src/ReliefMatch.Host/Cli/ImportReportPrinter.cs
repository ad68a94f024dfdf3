using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Sanity;
using Spectre.Console;

namespace ReliefMatch.Host.Cli;

/// <summary>The human-readable import report: one table per file, then a summary.</summary>
public static class ImportReportPrinter
{
    /// <summary>At most this many rejected rows are printed per file; the JSON and the web page have them all.</summary>
    public const int RejectsShown = 20;

    /// <param name="undeclaredFolders">Sub-folders of the drop folder no source declaration names: named, as their files were not read.</param>
    /// <param name="fullIds">Print ID numbers among the rejected values in full (<c>run --full-ids</c>); else masked 6+4.</param>
    public static void Print(IAnsiConsole console, IReadOnlyList<FileReport> reports, IReadOnlyList<string>? undeclaredFolders = null, bool fullIds = false)
    {
        PrintUndeclared(console, undeclaredFolders ?? []);
        if (reports.Count == 0)
        {
            console.MarkupLine("[yellow]没有找到文件 (no files found)：收件目录中每个数据来源应有一个以来源编号命名的子文件夹（如 roster、police-deaths，见 rules/sources）。[/]");
            return;
        }
        foreach (var r in reports)
        {
            var title = $"[bold]{Markup.Escape(r.File)}[/]";
            if (r.RefusedReason is { } refused)
            {
                console.MarkupLine($"{title}  [red]整个文件被拒收 (file refused):[/] {Markup.Escape(refused)}");
                continue;
            }
            if (r.MonthUnknown)
            {
                console.MarkupLine($"{title}  [yellow]待确认 (waiting)：文件名和标题都没有写明数据月份，未导入；请在网页工作台的月份页确认月份，或用 --period 指定。[/]");
                continue;
            }
            if (r.AlreadyImported)
            {
                console.MarkupLine($"{title}  [grey]已导入过，未重复导入（SHA-256 {r.Sha256[..12]}…相同）(already imported)[/]");
                continue;
            }
            var table = new Table().Border(TableBorder.Rounded).Title(title);
            table.AddColumn("数据来源").AddColumn("编码").AddColumn("表头行").AddColumn(new TableColumn("读取").RightAligned())
                .AddColumn(new TableColumn("接收").RightAligned()).AddColumn(new TableColumn("拒收").RightAligned()).AddColumn(new TableColumn("跳过").RightAligned());
            var header = r.Sheet is null ? $"{r.HeaderRow}" : $"{r.Sheet}!{r.HeaderRow}";
            table.AddRow($"{Markup.Escape(r.Source.ChineseName)} {r.Source.Id}", r.Encoding, Markup.Escape(header), $"{r.RowsRead:N0}", $"{r.Accepted:N0}", r.Rejected > 0 ? $"[red]{r.Rejected:N0}[/]" : "0", $"{r.Skipped:N0}");
            console.Write(table);
            if (r.Rejects.Count > 0)
            {
                var rejects = new Table().Border(TableBorder.Simple);
                rejects.AddColumn(new TableColumn("行").RightAligned()).AddColumn("列").AddColumn("值").AddColumn("原因");
                foreach (var x in r.Rejects.Take(RejectsShown))
                {
                    rejects.AddRow(x.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(x.Column), Markup.Escape(fullIds ? x.Value : IdText.MaskIds(x.Value)), Markup.Escape(x.Reason));
                }
                console.Write(rejects);
                if (r.Rejects.Count > RejectsShown)
                {
                    console.MarkupLine($"[grey]… 另有 {r.Rejects.Count - RejectsShown} 行被拒收，完整列表见 --json 的输出或网页工作台的导入页。[/]");
                }
            }
        }
        var imported = reports.Where(r => !r.AlreadyImported && r.RefusedReason is null && !r.MonthUnknown).ToList();
        console.MarkupLine(
            $"[bold]合计 (summary)：[/]{reports.Count} 个文件，新导入 {imported.Count} 个，已导入过 {reports.Count(r => r.AlreadyImported)} 个，" +
            $"整个拒收 {reports.Count(r => r.RefusedReason is not null)} 个，待确认月份 {reports.Count(r => r.MonthUnknown)} 个；" +
            $"接收 {imported.Sum(r => r.Accepted):N0} 行，拒收 {imported.Sum(r => r.Rejected):N0} 行，跳过 {imported.Sum(r => r.Skipped):N0} 行。");
    }

    /// <summary>
    /// The extract sanity warnings (数据检查), one line each with the check's name; nothing when there are none. They never
    /// stop an import or a run: they point at what an officer should look at before trusting the month.
    /// </summary>
    public static void PrintChecks(IAnsiConsole console, IReadOnlyList<SanityWarning> checks)
    {
        if (checks.Count == 0)
        {
            return;
        }
        console.MarkupLine($"[bold yellow]数据检查 (extract checks): {checks.Count} 处与上月不同，请核对（不影响导入和比对）[/]");
        foreach (var check in checks)
        {
            console.MarkupLine($"  [yellow]{Markup.Escape(check.Check.ChineseName())}[/] {Markup.Escape(check.Period.ToString())} {Markup.Escape(check.Message)}");
        }
    }

    /// <summary>One line naming the folders whose files were not imported because no declaration names them.</summary>
    public static void PrintUndeclared(IAnsiConsole console, IReadOnlyList<string> undeclaredFolders)
    {
        if (undeclaredFolders.Count > 0)
        {
            console.MarkupLine($"[yellow]未导入的文件夹（没有数据源声明这些文件夹）(folders not imported, no source declaration names them)：{Markup.Escape(string.Join("、", undeclaredFolders))}[/]");
        }
    }
}
