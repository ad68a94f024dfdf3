using System.Text.Json;
using ReliefMatch.Core.Statistics;

namespace ReliefMatch.Host.Outputs;

/// <summary>
/// <c>stats.json</c>: the month's 统计表 for the county and each township, townships in ordinal order, keys as
/// docs/statistics.md's table: <c>{"period": "2023-07", "county": {"data_warning": {...}, "tags": {...}, "duties": {...}},
/// "townships": {"罗锦镇": {...}}}</c>. A cell the month has no source for is <c>null</c>, never 0.
/// </summary>
public static class StatsJsonWriter
{
    public static void Write(Stream output, MonthStatistics statistics) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("period", statistics.Period.ToString());
        json.WriteStartObject("county");
        WriteUnit(json, statistics.County);
        json.WriteEndObject();
        json.WriteStartObject("townships");
        foreach (var township in statistics.Townships.OrderBy(t => t.Township, StringComparer.Ordinal))
        {
            json.WriteStartObject(township.Township);
            WriteUnit(json, township.Figures);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static void WriteUnit(Utf8JsonWriter json, UnitStatistics unit)
    {
        var counts = unit.DataWarning;
        json.WriteStartObject("data_warning");
        json.WriteNumber("total", counts.Total);
        json.WriteNumber("dibao", counts.Dibao);
        json.WriteNumber("tekun", counts.Tekun);
        json.WriteNumber("edge", counts.Edge);
        json.WriteNumber("expenditure", counts.Expenditure);
        json.WriteEndObject();

        json.WriteStartObject(SheetCell.Tags);
        foreach (var cell in SheetCells.Tags)
        {
            Number(json, cell.Key, unit.Tag(cell.Key));
        }
        json.WriteEndObject();

        json.WriteStartObject(SheetCell.Duties);
        foreach (var cell in SheetCells.Duties)
        {
            if (cell.Key == SheetCells.MeetingOn)
            {
                if (unit.MeetingOn is { } date)
                {
                    json.WriteString(cell.Key, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    json.WriteNull(cell.Key);
                }
                continue;
            }
            Number(json, cell.Key, unit.Duty(cell.Key));
        }
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string key, int? value)
    {
        if (value is { } n)
        {
            json.WriteNumber(key, n);
        }
        else
        {
            json.WriteNull(key);
        }
    }
}
