using Npgsql;
using NpgsqlTypes;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sampling;

namespace ReliefMatch.Storage.Jobs;

/// <summary>
/// Keeps the monthly samples of new 低保 approvals (reliefmatch.sample_draws and sample_draw_items) and the county's
/// 核查结果 of each sampled household. A township's draw for a month is made once and then kept as the record of what
/// the county reviewed: saving the month again (a retry, a second server, a later roster) stores only the townships
/// not drawn yet. One exception: a draw made before the month's own roster arrived (from an earlier snapshot, or
/// none) is drawn again from the month's roster, as long as no 核查结果 has been recorded on it. The
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

        var existing = new Dictionary<string, (long Id, string Sha, string? RosterPeriod, bool Reviewed)>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand("""
            SELECT d.id, d.township, d.candidates_sha256, d.roster_period,
                   EXISTS (SELECT FROM reliefmatch.sample_draw_items i WHERE i.draw_id = d.id AND i.review_result IS NOT NULL)
            FROM reliefmatch.sample_draws d WHERE d.period = $1
            """, connection))
        {
            cmd.Parameters.Add(new() { Value = period });
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                existing[r.GetString(1)] = (r.GetInt64(0), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetBoolean(4));
            }
        }

        var redrawn = new List<string>();
        // With the month's own roster here, a draw made from an earlier snapshot (or none) is made again, unless the
        // county has begun reviewing it: then it is the record, and stays.
        var ownRoster = string.Equals(roster.Period, period, StringComparison.Ordinal);
        foreach (var township in sample.Townships)
        {
            if (existing.TryGetValue(township.Township, out var draw))
            {
                if (!ownRoster || string.Equals(draw.RosterPeriod, period, StringComparison.Ordinal) || draw.Reviewed)
                {
                    kept++;
                    if (!string.Equals(draw.Sha, township.CandidatesSha256, StringComparison.Ordinal))
                    {
                        changed.Add(township.Township);
                    }
                    continue;
                }
                foreach (var sql in (string[])["DELETE FROM reliefmatch.sample_draw_items WHERE draw_id = $1", "DELETE FROM reliefmatch.sample_draws WHERE id = $1"])
                {
                    await using var delete = new NpgsqlCommand(sql, connection);
                    delete.Parameters.Add(new() { Value = draw.Id });
                    await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                redrawn.Add(township.Township);
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
        return new SampleSaveResult(drawn, kept, changed) { Redrawn = redrawn.Count == 0 ? Array.Empty<string>() : redrawn };
    }

    /// <summary>
    /// Records the county's 核查结果 of one sampled household (replacing an earlier one). Returns false when the draw
    /// has no such household.
    /// </summary>
    public async Task<bool> ReviewAsync(long drawId, string householdId, SampleReviewResult result, string note, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(householdId);
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(by);
        await using var cmd = dataSource.CreateCommand("""
            UPDATE reliefmatch.sample_draw_items SET review_result = $3, review_note = $4, reviewed_by = $5, reviewed_at = $6
            WHERE draw_id = $1 AND household_id = $2
            """);
        cmd.Parameters.Add(new() { Value = drawId });
        cmd.Parameters.Add(new() { Value = householdId });
        cmd.Parameters.Add(new() { Value = result.Id() });
        cmd.Parameters.Add(new() { Value = StoredCodes.Clean(note) });
        cmd.Parameters.Add(new() { Value = StoredCodes.Clean(by) });
        cmd.Parameters.Add(new() { Value = time.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
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
        var reviews = new Dictionary<long, Dictionary<string, SampleReview>>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT i.draw_id, i.household_id, i.county_code, d.township, i.village, i.head_name, i.head_id_number, i.programme, i.approved_on, i.members,
                   i.review_result, i.review_note, i.reviewed_by, i.reviewed_at
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
                if (!r.IsDBNull(10))
                {
                    if (!reviews.TryGetValue(r.GetInt64(0), out var ofDraw))
                    {
                        reviews.Add(r.GetInt64(0), ofDraw = new Dictionary<string, SampleReview>(StringComparer.Ordinal));
                    }
                    ofDraw[r.GetString(1)] = new SampleReview(SampleReviewResultText.Parse(r.GetString(10)), r.IsDBNull(11) ? "" : r.GetString(11),
                        r.IsDBNull(12) ? "" : r.GetString(12), r.GetFieldValue<DateTimeOffset>(13));
                }
            }
        }

        return draws.Select(d => new StoredSampleDraw(d.Id, period, d.Township, d.Seed, d.Algorithm, d.Fraction, d.Candidates, d.Sha, d.RosterPeriod,
            d.Extracts, d.At, items.TryGetValue(d.Id, out var list) ? list : [])
        {
            Reviews = reviews.TryGetValue(d.Id, out var ofDraw) ? ofDraw : new Dictionary<string, SampleReview>(StringComparer.Ordinal),
        }).ToList();
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
