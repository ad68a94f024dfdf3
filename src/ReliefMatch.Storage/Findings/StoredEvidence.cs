using System.Text.Json;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;

namespace ReliefMatch.Storage.Findings;

/// <summary>Reads the evidence column of <c>reliefmatch.findings</c>: <c>[{source, extract_id, row, text}]</c>.</summary>
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
            list.Add(new Evidence(SourceRef.Of(source), e.GetProperty("extract_id").GetInt64(), e.GetProperty("row").GetInt32(), e.GetProperty("text").GetString() ?? ""));
        }
        return list;
    }
}
