using System.Text.Json;
using ReliefMatch.Core.Statistics;

namespace ReliefMatch.Host.Outputs;

/// <summary>
/// <c>stats.json</c>: the month's 数据预警 counts for the county and each township, townships in ordinal order:
/// <c>{"period": "2023-07", "county": {"data_warning": {...}}, "townships": {"罗锦镇": {"data_warning": {...}}}}</c>.
/// </summary>
public static class StatsJsonWriter
{
    public static void Write(Stream output, DataWarningReport report) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("period", report.Period.ToString());
        json.WriteStartObject("county");
        WriteDataWarning(json, report.County);
        json.WriteEndObject();
        json.WriteStartObject("townships");
        foreach (var township in report.Townships.OrderBy(t => t.Township, StringComparer.Ordinal))
        {
            json.WriteStartObject(township.Township);
            WriteDataWarning(json, township.Counts);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static void WriteDataWarning(Utf8JsonWriter json, DataWarningCounts counts)
    {
        json.WriteStartObject("data_warning");
        json.WriteNumber("total", counts.Total);
        json.WriteNumber("dibao", counts.Dibao);
        json.WriteNumber("tekun", counts.Tekun);
        json.WriteNumber("edge", counts.Edge);
        json.WriteNumber("expenditure", counts.Expenditure);
        json.WriteEndObject();
    }
}
