using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Findings;

/// <summary>
/// What outputs each run left in its folder (<c>runs.outputs</c>), so that a run of a month with nothing new can tell
/// whether the outputs already in the folder are the ones it would write, and leave them alone.
/// </summary>
public sealed class RunOutputStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// A digest of what a month's outputs are written from besides the run's inputs (<see cref="RunInputs"/>): the
    /// findings' dispositions and verifications (every change of them is a finding event) and what the townships
    /// entered for the month, together with <paramref name="request"/> (the program's version, the county's name,
    /// whether full IDs are printed…).
    /// </summary>
    public async Task<string> StateAsync(ReportingMonth period, string inputsDigest, string request, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT (SELECT coalesce(max(id), 0) FROM reliefmatch.finding_events)::text || ':' ||
                   (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.township), '')) FROM reliefmatch.township_entries t WHERE t.period = $1)
            """);
        cmd.Parameters.AddWithValue(period.ToString());
        var storage = (string)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(period + "\n" + inputsDigest + "\n" + storage + "\n" + request)));
    }

    /// <summary>Records the outputs run <paramref name="runId"/> wrote (or, for a run that kept them, found in place).</summary>
    public async Task RecordAsync(long runId, KeptOutputs outputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        await using var cmd = dataSource.CreateCommand("UPDATE reliefmatch.runs SET outputs = $2 WHERE id = $1");
        cmd.Parameters.AddWithValue(runId);
        cmd.Parameters.Add(new() { Value = JsonSerializer.Serialize(new { state = outputs.State, files = outputs.Files }), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The outputs run <paramref name="runId"/> recorded; null when it recorded none.</summary>
    public async Task<KeptOutputs?> OfAsync(long runId, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT outputs::text FROM reliefmatch.runs WHERE id = $1");
        cmd.Parameters.AddWithValue(runId);
        if (await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string json)
        {
            return null;
        }
        using var doc = JsonDocument.Parse(json);
        var files = doc.RootElement.GetProperty("files").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        return new KeptOutputs(doc.RootElement.GetProperty("state").GetString()!, files);
    }
}
