using System.Globalization;
using System.Text.Json;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Findings;

/// <summary>
/// Reads the evidence column of <c>reliefmatch.findings</c>: <c>[{source, extract_id, row, text}]</c>, plus
/// <c>amount</c> (a decimal string) and <c>months</c> (<c>["2023-06", …]</c>) where the evidence states them.
/// </summary>
internal static class StoredEvidence
{
    public static List<Evidence> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var list = new List<Evidence>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            var source = e.GetProperty("source").GetString();
            if (string.IsNullOrEmpty(source))
            {
                throw new InvalidDataException("Evidence without a source.");
            }
            var evidence = new Evidence(SourceRef.Of(source), e.GetProperty("extract_id").GetInt64(), e.GetProperty("row").GetInt32(), e.GetProperty("text").GetString() ?? "");
            if (e.TryGetProperty("amount", out var amount))
            {
                evidence = evidence with { Amount = decimal.Parse(amount.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture) };
            }
            if (e.TryGetProperty("months", out var months))
            {
                evidence = evidence with { Months = [.. months.EnumerateArray().Select(m => ReportingMonth.Parse(m.GetString()!))] };
            }
            list.Add(evidence);
        }
        return list;
    }

    /// <summary>Writes the evidence's amount and months, when it states them, into its open JSON object.</summary>
    public static void WriteValues(Utf8JsonWriter w, Evidence e)
    {
        if (e.Amount is { } amount)
        {
            w.WriteString("amount", amount.ToString(CultureInfo.InvariantCulture));
        }
        if (e.Months is { } months)
        {
            w.WriteStartArray("months");
            foreach (var m in months)
            {
                w.WriteStringValue(m.ToString());
            }
            w.WriteEndArray();
        }
    }
}
