using System.Globalization;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Host.Jobs;
using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Host.Outputs;

/// <summary>
/// The findings of a workplace search as a workbook (sheet 预警查询): a title naming the search, then a row per finding
/// with the columns of the search page. IDs, in their column and in the texts that may quote one, are masked unless
/// <c>fullIds</c>. The last column, 应追回金额, holds the money to recover of the confirmed findings that concern payments
/// after a death, one finding per person, so that the column sums to what the townships recover.
/// </summary>
public static class FindingListXlsxWriter
{
    private static readonly string[] Headers = ["序号", "乡镇", "村", "姓名", "身份证号", "救助类别", "预警类型", "证据", "首次预警", "核查时限", "状态", "处置情况", "核查人", "核查日期", "预警编号", "应追回金额（元）"];
    private static readonly double[] Widths = [6, 10, 10, 8, 21, 12, 18, 40, 10, 12, 8, 24, 8, 12, 20, 14];

    /// <param name="title">What the search asked, as the first row says it.</param>
    /// <param name="recover">Finding key → money to recover (<see cref="Recoveries.Confirmed"/>); none when null.</param>
    public static void Write(Stream output, string title, IEnumerable<WorkplaceFinding> findings, bool fullIds, IReadOnlyDictionary<string, decimal>? recover = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var sheet = new XlsxSheet("预警查询") { HeaderRows = 2 };
        sheet.Columns(Widths);
        sheet.Text(1, 1, title, XlsxStyle.Title);
        sheet.Merge(1, 1, 1, Widths.Length);
        sheet.Height(1, 30);
        var rows = findings.Select((f, i) =>
        {
            var run = f.ToRunFinding();
            return (IReadOnlyList<string>)
            [
                (i + 1).ToString(CultureInfo.InvariantCulture), f.Finding.Township, f.Finding.Village, f.Finding.Name,
                fullIds ? f.Finding.IdNumber : ResidentId.Mask(f.Finding.IdNumber), FindingText.Programmes(f.Finding), FindingText.Warning(f.Finding),
                FindingText.Evidence(f.Finding, fullIds), f.FirstSeen.ToString(), FindingText.Date(run.DueDate), f.Status.Chinese(),
                (fullIds ? f.DispositionReason : IdText.MaskIds(f.DispositionReason)) ?? "", f.CheckedBy ?? "",
                f.CheckedOn is { } d ? FindingText.Date(d) : "", f.Finding.Reference,
                recover is not null && recover.TryGetValue(f.Finding.Key, out var amount) ? Overpayment.Money(amount) : "",
            ];
        });
        XlsxTable.Write(sheet, 2, Headers, rows);
        XlsxWorkbook.Write(output, [sheet]);
    }
}
