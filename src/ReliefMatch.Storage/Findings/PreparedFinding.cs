using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;

namespace ReliefMatch.Storage.Findings;

/// <summary>
/// A finding's values as <see cref="FindingStore.SaveRunAsync"/> stores them, with <see cref="Content"/>: a digest of
/// all of them, equal for two findings exactly when saving either leaves the same stored row. Comparing it with the
/// stored <c>content_fingerprint</c> tells which findings a run of the same month must write at all.
/// </summary>
internal sealed record PreparedFinding(
    string Key, string Name, string Township, string Village, string[] Programmes, string Confidence,
    string Evidence, string Fingerprint, string SuggestedAction, string Content)
{
    /// <summary>Prepares every finding, on every core: the evidence JSON and the digests are most of a save's own work.</summary>
    public static PreparedFinding[] Prepare(IReadOnlyList<Finding> findings)
    {
        var prepared = new PreparedFinding[findings.Count];
        Parallel.For(0, findings.Count, i => prepared[i] = Of(findings[i]));
        return prepared;
    }

    private static PreparedFinding Of(Finding f)
    {
        var key = StoredCodes.Clean(f.Key);
        var name = StoredCodes.Clean(f.Name);
        var township = StoredCodes.Clean(f.Township);
        var village = StoredCodes.Clean(f.Village);
        var programmes = f.Programmes.Select(x => x.Id()).ToArray();
        var confidence = f.Confidence.Id();
        var evidence = EvidenceJson(f.Evidence);
        var fingerprint = f.EvidenceFingerprint;
        var action = StoredCodes.Clean(f.SuggestedAction);
        // Unit separators cannot occur in the values (the readers drop control characters), so the joined text is unambiguous.
        var joined = string.Join('\u001f',
            key, f.RuleVersion.ToString(CultureInfo.InvariantCulture), name, township, village, string.Join('\u001e', programmes), confidence,
            evidence, fingerprint, f.FeedsDataWarning ? "t" : "f", action, f.DueDays.ToString(CultureInfo.InvariantCulture));
        var content = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..32];
        return new PreparedFinding(key, name, township, village, programmes, confidence, evidence, fingerprint, action, content);
    }

    private static string EvidenceJson(IReadOnlyList<Evidence> evidence)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var e in evidence)
            {
                w.WriteStartObject();
                w.WriteString("source", e.Source.Id);
                w.WriteNumber("extract_id", e.ExtractId);
                w.WriteNumber("row", e.Row);
                w.WriteString("text", StoredCodes.Clean(e.Text));
                StoredEvidence.WriteValues(w, e);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
