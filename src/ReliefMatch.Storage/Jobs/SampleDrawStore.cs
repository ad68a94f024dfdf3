using Npgsql;
using NpgsqlTypes;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sampling;

namespace ReliefMatch.Storage.Jobs;

/// <summary>
/// Keeps the monthly samples of new 低保 approvals (reliefmatch.sample_draws and sample_draw_items). A
/// township's draw for a month is made once and then kept as the record of what the county reviewed: saving
/// the month again (a retry, a second server, a later roster) stores only the townships not drawn yet. The
/// whole month is saved in one transaction under a per-month lock, and (period, township) is unique, so a
/// save cut off mid-way leaves nothing and two saves at once leave one draw.
/// </summary>
public sealed class SampleDrawStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    public async Task<SampleSaveResult> SaveAsync(DibaoSample sample, RosterSnapshot roster, long? jobRunId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(roster);
        var period = sample.Period.ToString();
        var now = time.GetUtcNow();
        int drawn = 0, kept = 0;
        var changed = new List<string>();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", connection) { CommandTimeout = 0 })
        {
            lockCmd.Parameters.Add(new() { Value = "sample:" + period });
            await lockCmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var existing = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand("SELECT township, candidates_sha256 FROM reliefmatch.sample_draws WHERE period = $1", connection))
        {
            cmd.Parameters.Add(new() { Value = period });
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                existing[r.GetString(0)] = r.GetString(1);
            }
        }

        foreach (var township in sample.Townships)
        {
            if (existing.TryGetValue(township.Township, out var sha))
            {
                kept++;
                if (!string.Equals(sha, township.CandidatesSha256, StringComparison.Ordinal))
                {
                    changed.Add(township.Township);
                }
                continue;
            }
            long drawId;
            await using (var insert = new NpgsqlCommand("""
                INSERT INTO reliefmatch.sample_draws (period, township, seed, algorithm, fraction, candidates, selected, candidates_sha256,
                    roster_period, roster_extracts, drawn_at, job_run_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id
                """, connection))
            {
                insert.Parameters.Add(new() { Value = period });
                insert.Parameters.Add(new() { Value = StoredCodes.Clean(township.Township) });
                insert.Parameters.Add(new() { Value = township.Seed });
                insert.Parameters.Add(new() { Value = sample.Algorithm });
                insert.Parameters.Add(new() { Value = sample.Fraction });
                insert.Parameters.Add(new() { Value = township.Candidates });
                insert.Parameters.Add(new() { Value = township.Selected.Count });
                insert.Parameters.Add(new() { Value = township.CandidatesSha256 });
                insert.Parameters.Add(new() { Value = (object?)roster.Period ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
                insert.Parameters.Add(new() { Value = roster.ExtractIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
                insert.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                insert.Parameters.Add(new() { Value = (object?)jobRunId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
                drawId = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }
            if (township.Selected.Count > 0)
            {
                var s = township.Selected;
                await using var items = new NpgsqlCommand("""
                    INSERT INTO reliefmatch.sample_draw_items (draw_id, rank, household_id, county_code, village, head_name, head_id_number, programme, approved_on, members)
                    SELECT $1, * FROM unnest($2::integer[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::date[], $10::integer[])
                    """, connection);
                items.Parameters.Add(new() { Value = drawId });
                items.Parameters.Add(new() { Value = Enumerable.Range(1, s.Count).ToArray() });
                items.Parameters.Add(new() { Value = s.Select(a => StoredCodes.Clean(a.HouseholdId)).ToArray() });
                items.Parameters.Add(new() { Value = s.Select(a => StoredCodes.Clean(a.CountyCode)).ToArray() });
                items.Parameters.Add(new() { Value = s.Select(a => StoredCodes.Clean(a.Village)).ToArray() });
                items.Parameters.Add(new() { Value = s.Select(a => StoredCodes.Clean(a.HeadName)).ToArray() });
                items.Parameters.Add(new() { Value = s.Select(a => StoredCodes.Clean(a.HeadIdNumber)).ToArray() });
                items.Parameters.Add(new() { Value = s.Select(a => a.Programme.Id()).ToArray() });
                items.Parameters.Add(new() { Value = s.Select(a => a.ApprovedOn).ToArray() });
                items.Parameters.Add(new() { Value = s.Select(a => a.Members).ToArray() });
                await items.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            drawn++;
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new SampleSaveResult(drawn, kept, changed);
    }

    /// <summary>The draws of <paramref name="period"/>, township by township (ordinal), each with its households in draw order.</summary>
    public async Task<IReadOnlyList<StoredSampleDraw>> ListAsync(ReportingMonth period, CancellationToken cancellationToken = default)
    {
        var p = period.ToString();
        var draws = new List<(long Id, string Township, int Seed, string Algorithm, decimal Fraction, int Candidates, string Sha, string? RosterPeriod, long[] Extracts, DateTimeOffset At)>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var cmd = new NpgsqlCommand("""
            SELECT id, township, seed, algorithm, fraction, candidates, candidates_sha256, roster_period, roster_extracts, drawn_at
            FROM reliefmatch.sample_draws WHERE period = $1 ORDER BY township COLLATE "C"
            """, connection))
        {
            cmd.Parameters.Add(new() { Value = p });
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                draws.Add((r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetDecimal(4), r.GetInt32(5), r.GetString(6),
                    r.IsDBNull(7) ? null : r.GetString(7), r.GetFieldValue<long[]>(8), r.GetFieldValue<DateTimeOffset>(9)));
            }
        }

        var items = new Dictionary<long, List<DibaoApproval>>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT i.draw_id, i.household_id, i.county_code, d.township, i.village, i.head_name, i.head_id_number, i.programme, i.approved_on, i.members
            FROM reliefmatch.sample_draw_items i JOIN reliefmatch.sample_draws d ON d.id = i.draw_id
            WHERE d.period = $1 ORDER BY i.draw_id, i.rank
            """, connection))
        {
            cmd.Parameters.Add(new() { Value = p });
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!items.TryGetValue(r.GetInt64(0), out var list))
                {
                    items.Add(r.GetInt64(0), list = []);
                }
                list.Add(new DibaoApproval(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                    StoredCodes.ParseProgramme(r.GetString(7)), r.GetFieldValue<DateOnly>(8), r.GetInt32(9)));
            }
        }

        return draws.Select(d => new StoredSampleDraw(d.Id, period, d.Township, d.Seed, d.Algorithm, d.Fraction, d.Candidates, d.Sha, d.RosterPeriod,
            d.Extracts, d.At, items.TryGetValue(d.Id, out var list) ? list : [])).ToList();
    }

    /// <summary>The months that have draws, newest first.</summary>
    public async Task<IReadOnlyList<ReportingMonth>> ListPeriodsAsync(CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT DISTINCT period FROM reliefmatch.sample_draws ORDER BY period DESC");
        var periods = new List<ReportingMonth>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            periods.Add(ReportingMonth.Parse(r.GetString(0)));
        }
        return periods;
    }
}
