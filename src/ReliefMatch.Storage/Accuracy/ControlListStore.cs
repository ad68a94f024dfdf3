using Npgsql;
using NpgsqlTypes;
using ReliefMatch.Core.Accuracy;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Storage.Accuracy;

/// <summary>
/// Keeps the monthly control lists (reliefmatch.control_draws and control_items) and the townships' answers. A
/// township's list for a month is drawn once and then kept as the record of what was checked: saving the month again
/// (a second run, new data) stores only the townships not drawn yet. The month is saved in one transaction under a
/// per-month lock and (period, township) is unique, so a save cut off leaves nothing and two at once leave one list.
/// Reads of the lists go through the township wall (<see cref="TownshipWall"/>): a township user sees its own only.
/// </summary>
public sealed class ControlListStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>The townships that have a list for <paramref name="period"/> (not walled: the batch asks it before drawing).</summary>
    public async Task<IReadOnlySet<string>> DrawnTownshipsAsync(ReportingMonth period, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT township FROM reliefmatch.control_draws WHERE period = $1");
        cmd.Parameters.Add(new() { Value = period.ToString() });
        var drawn = new HashSet<string>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            drawn.Add(r.GetString(0));
        }
        return drawn;
    }

    /// <summary>Stores the townships of <paramref name="list"/> that have no list for its month yet; returns how many were stored and how many kept.</summary>
    /// <param name="rosterPeriod">The period of the roster snapshot drawn from.</param>
    public async Task<(int Drawn, int Kept)> SaveAsync(ControlList list, string? rosterPeriod, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(list);
        var period = list.Period.ToString();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", connection) { CommandTimeout = 0 })
        {
            lockCmd.Parameters.Add(new() { Value = "control:" + period });
            await lockCmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        var existing = new HashSet<string>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand("SELECT township FROM reliefmatch.control_draws WHERE period = $1", connection))
        {
            cmd.Parameters.Add(new() { Value = period });
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                existing.Add(r.GetString(0));
            }
        }
        int drawn = 0, kept = 0;
        var now = time.GetUtcNow();
        foreach (var township in list.Townships)
        {
            if (existing.Contains(township.Township))
            {
                kept++;
                continue;
            }
            long drawId;
            await using (var insert = new NpgsqlCommand("""
                INSERT INTO reliefmatch.control_draws (period, township, seed, algorithm, per_township, candidates, selected, roster_period, drawn_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
                """, connection))
            {
                insert.Parameters.Add(new() { Value = period });
                insert.Parameters.Add(new() { Value = StoredCodes.Clean(township.Township) });
                insert.Parameters.Add(new() { Value = township.Seed });
                insert.Parameters.Add(new() { Value = list.Algorithm });
                insert.Parameters.Add(new() { Value = list.PerTownship });
                insert.Parameters.Add(new() { Value = township.Candidates });
                insert.Parameters.Add(new() { Value = township.Selected.Count });
                insert.Parameters.Add(new() { Value = (object?)rosterPeriod ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
                insert.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                drawId = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }
            if (township.Selected.Count > 0)
            {
                var s = township.Selected;
                await using var items = new NpgsqlCommand("""
                    INSERT INTO reliefmatch.control_items (draw_id, reference, rank, township, village, household_id, name, id_number, programmes)
                    SELECT $1, * FROM unnest($2::text[], $3::integer[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
                    """, connection);
                items.Parameters.Add(new() { Value = drawId });
                items.Parameters.Add(new() { Value = s.Select(p => p.ReferenceIn(list.Period)).ToArray() });
                items.Parameters.Add(new() { Value = Enumerable.Range(1, s.Count).ToArray() });
                items.Parameters.Add(new() { Value = s.Select(p => StoredCodes.Clean(p.Township)).ToArray() });
                items.Parameters.Add(new() { Value = s.Select(p => StoredCodes.Clean(p.Village)).ToArray() });
                items.Parameters.Add(new() { Value = s.Select(p => StoredCodes.Clean(p.HouseholdId)).ToArray() });
                items.Parameters.Add(new() { Value = s.Select(p => StoredCodes.Clean(p.Name)).ToArray() });
                items.Parameters.Add(new() { Value = s.Select(p => p.IdNumber).ToArray() });
                items.Parameters.Add(new() { Value = s.Select(p => string.Join("、", p.Programmes.Select(g => g.Chinese()))).ToArray() });
                await items.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            drawn++;
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (drawn, kept);
    }

    /// <summary>
    /// The lists of <paramref name="period"/>, of one township when given, township by township (ordinal), each in draw
    /// order. Behind the township wall: a walled request gets its own township's list whatever it asks for.
    /// </summary>
    public async Task<IReadOnlyList<StoredControlDraw>> ListAsync(ReportingMonth period, string? township, CancellationToken cancellationToken = default)
    {
        var items = new Dictionary<string, List<StoredControlItem>>(StringComparer.Ordinal);
        await using (var walled = await TownshipWall.CommandAsync(dataSource, """
            SELECT i.reference, i.rank, i.township, i.village, i.household_id, i.name, i.id_number, i.programmes,
                   i.result, i.remarks, i.checked_by, i.checked_on, i.recorded_by, i.recorded_at
            FROM reliefmatch.control_items i JOIN reliefmatch.control_draws d ON d.id = i.draw_id
            WHERE d.period = $1 AND ($2::text IS NULL OR d.township = $2) ORDER BY i.township COLLATE "C", i.rank
            """, cancellationToken).ConfigureAwait(false))
        {
            var cmd = walled.Command;
            cmd.Parameters.Add(new() { Value = period.ToString() });
            cmd.Parameters.Add(new() { Value = (object?)township ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var item = ReadItem(r, period.ToString());
                if (!items.TryGetValue(item.Township, out var list))
                {
                    items.Add(item.Township, list = []);
                }
                list.Add(item);
            }
        }
        var draws = new List<StoredControlDraw>();
        await using (var walled = await TownshipWall.CommandAsync(dataSource, """
            SELECT township, seed, algorithm, per_township, candidates, roster_period, drawn_at
            FROM reliefmatch.control_draws WHERE period = $1 AND ($2::text IS NULL OR township = $2) ORDER BY township COLLATE "C"
            """, cancellationToken).ConfigureAwait(false))
        {
            var cmd = walled.Command;
            cmd.Parameters.Add(new() { Value = period.ToString() });
            cmd.Parameters.Add(new() { Value = (object?)township ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                draws.Add(new StoredControlDraw(period.ToString(), r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4),
                    r.IsDBNull(5) ? null : r.GetString(5), r.GetFieldValue<DateTimeOffset>(6), items.GetValueOrDefault(r.GetString(0)) ?? []));
            }
        }
        return draws;
    }

    /// <summary>
    /// The control-list rows <paramref name="references"/> name (抽查编号, any case), by reference. Not behind the wall,
    /// as a returned worklist's 预警编号 are not: the service tells "no such number" from "another township's" and
    /// refuses both without saying more.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, StoredControlItem>> ByReferencesAsync(IEnumerable<string> references, CancellationToken cancellationToken = default)
    {
        var wanted = references.Select(r => r.Trim().ToUpperInvariant()).Where(r => r.StartsWith(ControlPerson.ReferencePrefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToArray();
        var found = new Dictionary<string, StoredControlItem>(StringComparer.Ordinal);
        if (wanted.Length == 0)
        {
            return found;
        }
        await using var cmd = dataSource.CreateCommand("""
            SELECT i.reference, i.rank, i.township, i.village, i.household_id, i.name, i.id_number, i.programmes,
                   i.result, i.remarks, i.checked_by, i.checked_on, i.recorded_by, i.recorded_at, d.period
            FROM reliefmatch.control_items i JOIN reliefmatch.control_draws d ON d.id = i.draw_id WHERE i.reference = ANY($1)
            """);
        cmd.Parameters.Add(new() { Value = wanted, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var item = ReadItem(r, r.GetString(14));
            found[item.Reference] = item;
        }
        return found;
    }

    /// <summary>Records (or replaces) the answer on the row <paramref name="reference"/> of <paramref name="township"/>'s list; false when it has no such row.</summary>
    public async Task<bool> AnswerAsync(string reference, string township, ControlAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        await using var cmd = dataSource.CreateCommand("""
            UPDATE reliefmatch.control_items SET result = $3, remarks = $4, checked_by = $5, checked_on = $6, recorded_by = $7, recorded_at = $8
            WHERE reference = $1 AND township = $2
            """);
        cmd.Parameters.Add(new() { Value = reference });
        cmd.Parameters.Add(new() { Value = township });
        cmd.Parameters.Add(new() { Value = answer.Result.Id() });
        cmd.Parameters.Add(new() { Value = StoredCodes.Clean(answer.Remarks) });
        cmd.Parameters.Add(new() { Value = (object?)answer.CheckedBy ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = (object?)answer.CheckedOn ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        cmd.Parameters.Add(new() { Value = StoredCodes.Clean(answer.RecordedBy) });
        cmd.Parameters.Add(new() { Value = answer.RecordedAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private static StoredControlItem ReadItem(NpgsqlDataReader r, string period)
    {
        ControlAnswer? answer = r.IsDBNull(8) ? null : new ControlAnswer(ControlResultText.ParseId(r.GetString(8)), r.IsDBNull(9) ? "" : r.GetString(9),
            r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : r.GetFieldValue<DateOnly>(11), r.GetString(12), r.GetFieldValue<DateTimeOffset>(13));
        return new StoredControlItem(r.GetString(0), period, r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
            r.GetString(6), r.GetString(7), answer);
    }
}
