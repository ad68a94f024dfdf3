using System.Globalization;
using ReliefMatch.Core.Statistics;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>The cells of a unit's 统计表 as figures to compare: the month page's published-against-now table and a rule replay's moved cells.</summary>
public static class SheetFigures
{
    /// <summary>The cells of the sheet in order: the 数据预警 line, then the tags and duties.</summary>
    public static IEnumerable<(string Path, string Words, Func<UnitStatistics, string> Value)> Cells()
    {
        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        yield return ("data_warning.total", "数据预警标记人数", u => N(u.DataWarning.Total));
        yield return ("data_warning.dibao", "其中：低保标记", u => N(u.DataWarning.Dibao));
        yield return ("data_warning.tekun", "特困标记", u => N(u.DataWarning.Tekun));
        yield return ("data_warning.edge", "低保边缘户", u => N(u.DataWarning.Edge));
        yield return ("data_warning.expenditure", "支出型困难家庭", u => N(u.DataWarning.Expenditure));
        foreach (var cell in SheetCells.Tags.Concat(SheetCells.Duties))
        {
            yield return (cell.Path, cell.Words, u => StatisticsPages.Figure(cell, u));
        }
    }
}
