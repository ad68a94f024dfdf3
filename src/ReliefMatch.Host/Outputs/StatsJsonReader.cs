using System.Globalization;
using System.Text;
using System.Text.Json;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Statistics;

namespace ReliefMatch.Host.Outputs;

/// <summary>
/// Reads a <c>stats.json</c> (<see cref="StatsJsonWriter"/>) back into the 统计表 it says: how a published sheet, stored
/// as its stats.json, is shown and downloaded again exactly as it was published. The cells left blank keep no list of
/// sources (the published text has none): a blank is a <c>null</c>.
/// </summary>
public static class StatsJsonReader
{
    /// <summary>The stats.json of <paramref name="statistics"/> as text, as it is published and stored.</summary>
    public static string Text(MonthStatistics statistics)
    {
        using var buffer = new MemoryStream();
        StatsJsonWriter.Write(buffer, statistics);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static MonthStatistics Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var period = ReportingMonth.Parse(root.GetProperty("period").GetString()!);
        var townships = root.GetProperty("townships").EnumerateObject()
            .Select(t => new TownshipStatistics(t.Name, Unit(t.Value)))
            .ToList();
        return new MonthStatistics(period, Unit(root.GetProperty("county")), townships, []);
    }

    private static UnitStatistics Unit(JsonElement unit)
    {
        var warning = unit.GetProperty("data_warning");
        var counts = new DataWarningCounts(warning.GetProperty("total").GetInt32(), warning.GetProperty("dibao").GetInt32(),
            warning.GetProperty("tekun").GetInt32(), warning.GetProperty("edge").GetInt32(), warning.GetProperty("expenditure").GetInt32());
        var tags = unit.GetProperty(SheetCell.Tags);
        var duties = unit.GetProperty(SheetCell.Duties);
        DateOnly? meeting = duties.TryGetProperty(SheetCells.MeetingOn, out var m) && m.ValueKind == JsonValueKind.String
            ? DateOnly.ParseExact(m.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
        return new UnitStatistics(counts,
            SheetCells.Tags.ToDictionary(c => c.Key, c => Number(tags, c.Key), StringComparer.Ordinal),
            SheetCells.Duties.Where(c => c.Key != SheetCells.MeetingOn).ToDictionary(c => c.Key, c => Number(duties, c.Key), StringComparer.Ordinal),
            meeting);
    }

    private static int? Number(JsonElement group, string key) =>
        group.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
