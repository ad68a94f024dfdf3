using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Statistics;
using ReliefMatch.Spreadsheets;

namespace ReliefMatch.Host.Outputs;

/// <summary>
/// <c>统计表-&lt;period&gt;.xlsx</c>: the attachment of the 2023 work plan, 全县困难群众救助保障政策落实专项治理进展情况统计表,
/// laid out as the plan prints it, one sheet for the county (汇总) and one per township, with the 数据预警 line
/// and every other blank of the attachment filled from the month's figures (docs/statistics.md); a blank stays only where
/// the month has no source for the cell, for the township to fill by hand. Below the printed area each sheet repeats
/// the 数据预警 numbers in cells of their own (B11:B15) and every other cell from row <see cref="FirstCellRow"/> (label,
/// number, json key) so that they can be read back; a second sheet (各乡镇数据预警) has the 数据预警 line of all
/// townships on one page.
/// </summary>
public static class StatisticsSheetWriter
{
    public const string Title = "全县困难群众救助保障政策落实专项治理进展情况统计表";
    public const string CountySheet = "汇总";
    public const string SummarySheet = "各乡镇数据预警";

    /// <summary>The sheet's columns, as in the attachment.</summary>
    public static IReadOnlyList<string> Headers { get; } =
    [
        "项目名称", "工作措施", "精准对照兜底保障职责落实情况", "精准关注动态监测对象情况", "精准排查摸清救助对象情况",
        "精准聚焦工作作风问题专项治理情况", "精准排查数据预警情况",
    ];

    /// <summary>The labels of the read-back cells (A11:A15), the numbers beside them in B11:B15.</summary>
    public static IReadOnlyList<string> CountLabels { get; } = ["数据预警标记人数", "其中：低保标记", "特困标记", "低保边缘户", "支出型困难家庭"];

    public const int FirstCountRow = 11;

    private const string Blank = "      ";

    /// <summary>
    /// The attachment's texts of columns 1–6, a blank (<c>{key}</c>) where a number goes: filled from the month's
    /// figures, and left blank for the township to write by hand where the month has no source for the cell.
    /// </summary>
    private static readonly string[] Texts =
    [
        "整治困难群众救助保障政策落实不到位问题",
        "本乡镇部署推进社会救助保障落实情况：召开会议进行部署情况：{meeting_on}召开；",
        "本乡镇当月底新纳入城镇低保对象{new_urban_dibao}人；农村低保对象{new_rural_dibao}人；安排特困老人入住养老机构{tekun_to_institution}人；" +
        "走访探视分散特困老人{tekun_visited}人；将符合条件的脱贫人口纳入城乡低保{exit_to_dibao}人，纳入特困供养{exit_to_tekun}人，" +
        "实施临时救助{exit_temporary_aid}人次；将符合条件的防止返贫监测对象纳入城乡低保{monitored_to_dibao}人，纳入特困供养{monitored_to_tekun}人，" +
        "实施临时救助{monitored_temporary_aid}人次。",
        "当月底在社会救助信息管理系统对低收入人口共计{tags.total}人进行标记，其中乡村振兴防贫监测对象标记{tags.monitored}人，" +
        "大额医疗支出对象标记{tags.medical}人，困难毕业生对象标记{tags.graduate}人，住房救助标记{tags.housing}人，" +
        "残联重残对象标记{tags.disability}人，易地搬迁对象标记{tags.relocated}人；对在享低保、特困救助对象{economic_checked}人进行经济状况核对；" +
        "对救助对象{home_visited}人开展实地入户核查。",
        "当月对动态监测风险预警对象{warnings_visited}人开展精准入户排查；乡镇人民政府对新审核认定对象{approvals_visited}人进行入户调查。",
        "当月底受理{online_applications}件网上自助申请；进行近亲属备案对象{kin_filed}人；整治“人情保”“关系保”、优亲厚友、吃拿卡要问题{conduct_problems}个；" +
        "配合纪检部门移交问题线索{leads_transferred}件；批评教育帮助{persons_educated}人；通报典型违纪违法案例{cases_published}件；开展警示教育{warning_sessions}次。",
    ];

    /// <summary>The first row of the read-back cells of the tags and duties (label, number, json key), below the 数据预警 ones.</summary>
    public const int FirstCellRow = FirstCountRow + 6;

    private static readonly double[] Widths = [14, 20, 30, 30, 26, 30, 28];

    /// <summary>The 数据预警 cell text, e.g. <c>当月在社会救助信息管理系统对核对数据预警 3 人进行标记，其中低保标记 2 人，…</c>.</summary>
    public static string DataWarningText(DataWarningCounts counts) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"当月在社会救助信息管理系统对核对数据预警 {counts.Total} 人进行标记，其中低保标记 {counts.Dibao} 人，特困标记 {counts.Tekun} 人，" +
            $"低保边缘户 {counts.Edge} 人，支出型困难家庭 {counts.Expenditure} 人。");

    /// <summary>A column's text with the unit's figures in its blanks (a blank stays where the figure is null).</summary>
    public static string CellText(int column, UnitStatistics unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var text = Texts[column - 1];
        var meeting = unit.MeetingOn is { } d ? $" {d.Month} 月 {d.Day} 日" : $"{Blank}月{Blank}日";
        text = text.Replace("{meeting_on}", meeting, StringComparison.Ordinal);
        foreach (var cell in SheetCells.Tags)
        {
            text = text.Replace("{tags." + cell.Key + "}", Figure(unit.Tag(cell.Key)), StringComparison.Ordinal);
        }
        foreach (var cell in SheetCells.Duties)
        {
            text = text.Replace("{" + cell.Key + "}", Figure(unit.Duty(cell.Key)), StringComparison.Ordinal);
        }
        return text;
    }

    private static string Figure(int? value) => value is { } n ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" {n} ") : Blank;

    public static void Write(Stream output, MonthStatistics statistics, string countyName)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { CountySheet, SummarySheet };
        var report = statistics.DataWarning;
        var sheets = new List<XlsxSheet>
        {
            Sheet(CountySheet, $"{countyName}（全县汇总）", statistics.Period, statistics.County, countyName),
            Summary(report, countyName),
        };
        foreach (var township in statistics.Townships.OrderBy(t => t.Township, StringComparer.Ordinal))
        {
            sheets.Add(Sheet(Unique(OutputNames.Sheet(township.Township), names), township.Township, statistics.Period, township.Figures, countyName));
        }
        XlsxWorkbook.Write(output, sheets);
    }

    private static XlsxSheet Sheet(string sheetName, string unit, ReportingMonth period, UnitStatistics figures, string countyName)
    {
        var counts = figures.DataWarning;
        var last = Headers.Count;
        var sheet = new XlsxSheet(sheetName) { FitToHeight = 1, PrintArea = $"$A$1:${XlsxReference.ColumnName(last)}$7" };
        sheet.Columns(Widths);

        sheet.Text(1, 1, Title, XlsxStyle.Title);
        sheet.Merge(1, 1, 1, last);
        sheet.Height(1, 30);

        sheet.Text(2, 1, $"填报单位（盖章）：{unit}", XlsxStyle.Note);
        sheet.Merge(2, 1, 2, 4);
        sheet.Text(2, 5, $"统计月份：{FindingText.ChineseMonth(period)}　　填报时间：{Blank}年{Blank}月{Blank}日", XlsxStyle.Note);
        sheet.Merge(2, 5, 2, last);
        sheet.Height(2, 22);

        for (var c = 0; c < Headers.Count; c++)
        {
            sheet.Text(3, c + 1, Headers[c], XlsxStyle.Header);
        }
        sheet.FitHeight(3);

        for (var c = 1; c <= Texts.Length; c++)
        {
            sheet.Text(4, c, CellText(c, figures));
        }
        sheet.Text(4, last, DataWarningText(counts));
        sheet.FitHeight(4);

        sheet.Text(6, 1, "单位负责人：                    审核人：                    填表人：                    联系电话：", XlsxStyle.Note);
        sheet.Merge(6, 1, 6, last);
        sheet.Text(7, 1, $"备注：所统计的数据不累计，只填报当月发生的数据，于每月4日前填报好相关情况上报{countyName}民政局社会救助股。", XlsxStyle.Note);
        sheet.Merge(7, 1, 7, last);

        sheet.Text(9, 1, "精准排查数据预警情况（数据）", XlsxStyle.Header);
        sheet.Merge(9, 1, 9, 2);
        sheet.Text(10, 1, "统计月份");
        sheet.Text(10, 2, period.ToString());
        long[] numbers = [counts.Total, counts.Dibao, counts.Tekun, counts.Edge, counts.Expenditure];
        for (var i = 0; i < numbers.Length; i++)
        {
            sheet.Text(FirstCountRow + i, 1, CountLabels[i]);
            sheet.Number(FirstCountRow + i, 2, numbers[i]);
        }
        var row = FirstCellRow;
        foreach (var cell in SheetCells.Tags.Concat(SheetCells.Duties))
        {
            sheet.Text(row, 1, cell.Words);
            if (cell.Key == SheetCells.MeetingOn)
            {
                if (figures.MeetingOn is { } date)
                {
                    sheet.Text(row, 2, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else if ((cell.Group == SheetCell.Tags ? figures.Tag(cell.Key) : figures.Duty(cell.Key)) is { } n)
            {
                sheet.Number(row, 2, n);
            }
            sheet.Text(row, 3, cell.Path);
            row++;
        }
        return sheet;
    }

    private static XlsxSheet Summary(DataWarningReport report, string countyName)
    {
        string[] headers = ["乡镇", .. CountLabels.Select(l => l.Replace("其中：", "", StringComparison.Ordinal))];
        var sheet = new XlsxSheet(SummarySheet) { HeaderRows = 2 };
        sheet.Columns(16, 18, 12, 12, 12, 16);

        sheet.Text(1, 1, $"{countyName}{FindingText.ChineseMonth(report.Period)} 精准排查数据预警情况汇总", XlsxStyle.Title);
        sheet.Merge(1, 1, 1, headers.Length);
        sheet.Height(1, 30);
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Text(2, c + 1, headers[c], XlsxStyle.Header);
        }

        var row = 2;
        foreach (var township in report.Townships.OrderBy(t => t.Township, StringComparer.Ordinal))
        {
            Line(sheet, ++row, township.Township, township.Counts);
        }
        Line(sheet, ++row, "全县", report.County);

        row += 2;
        sheet.Text(row, 1, "注：按人计数，同一人有多条预警只计一次；同一人在两个乡镇被标记的，各乡镇各计一次，全县只计一次。" +
            "同一人属于两个救助类别的，在各类别中各计一次。", XlsxStyle.Note);
        sheet.Merge(row, 1, row, headers.Length);
        sheet.Height(row, 45);
        return sheet;
    }

    private static void Line(XlsxSheet sheet, int row, string name, DataWarningCounts counts)
    {
        sheet.Text(row, 1, name);
        sheet.Number(row, 2, counts.Total);
        sheet.Number(row, 3, counts.Dibao);
        sheet.Number(row, 4, counts.Tekun);
        sheet.Number(row, 5, counts.Edge);
        sheet.Number(row, 6, counts.Expenditure);
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = $"({n})";
            candidate = (name.Length + suffix.Length > 31 ? name[..(31 - suffix.Length)] : name) + suffix;
        }
        return candidate;
    }
}
