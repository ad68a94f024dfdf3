using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Storage.Jobs;

namespace ReliefMatch.Host.Jobs;

/// <summary>
/// A month's sample as a workbook: sheet 抽样名单 (the households drawn, ready to print) and sheet 抽样说明
/// (per township: new approvals, drawn, fraction, seed, roster period, when drawn; and how to draw again).
/// </summary>
public static class SampleDrawXlsxWriter
{
    private static readonly double[] Widths = [6, 12, 8, 12, 14, 10, 21, 10, 12, 8, 12, 14, 10, 12];
    private static readonly double[] SummaryWidths = [6, 14, 14, 10, 10, 14, 10, 18];

    public static void Write(Stream output, ReportingMonth period, IReadOnlyList<StoredSampleDraw> draws, string countyName, bool fullIds = false)
    {
        ArgumentNullException.ThrowIfNull(draws);
        var list = new XlsxSheet("抽样名单") { HeaderRows = 2 };
        list.Columns(Widths);
        list.Text(1, 1, SampleDrawTable.Title(countyName, period), XlsxStyle.Title);
        list.Merge(1, 1, 1, Widths.Length);
        list.Height(1, 30);
        XlsxTable.Write(list, 2, SampleDrawTable.Headers, SampleDrawTable.Rows(draws, fullIds));

        var summary = new XlsxSheet("抽样说明") { HeaderRows = 1 };
        summary.Columns(SummaryWidths);
        XlsxTable.Write(summary, 1, SampleDrawTable.SummaryHeaders, SampleDrawTable.SummaryRows(draws));
        var note = 1 + draws.Count + 2;
        var algorithm = draws.Count > 0 ? draws[0].Algorithm : Core.Sampling.DibaoSampler.Algorithm;
        summary.Text(note, 1, $"每个乡镇抽取不少于50%（向上取整）。候选户按家庭编号排序后，以随机种子用 {algorithm} 抽取；同一花名册、同一种子可重新抽出同样的家庭。", XlsxStyle.Note);
        summary.Merge(note, 1, note, SummaryWidths.Length);
        summary.Height(note, 45);

        XlsxWorkbook.Write(output, [list, summary]);
    }
}
