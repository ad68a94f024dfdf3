using Npgsql;
using NpgsqlTypes;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Statistics;

namespace ReliefMatch.Storage.Statistics;

/// <summary>
/// Keeps, per month, the figures the trend charts draw (<see cref="MonthFigure"/>): a run that counts its 统计表 replaces
/// the month's figures, so the chart of twelve months reads twelve small rows instead of counting twelve sheets again.
/// A month no run has counted has no figures, and a chart shows a gap for it, not a 0.
/// </summary>
public sealed class MonthFigureStore(NpgsqlDataSource dataSource)
{
    /// <summary>The <see cref="MonthFigure.Township"/> of the county's own figures.</summary>
    public const string County = "";

    /// <summary>Replaces the figures of <paramref name="statistics"/>' month with its county's and townships'.</summary>
    public async Task SaveAsync(MonthStatistics statistics, DateTimeOffset countedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var lacking = statistics.Missing.Where(m => m.Cell.Group == SheetCell.Tags && m.Cell.Key != "total").Select(m => m.Cell.Key).ToArray();
        var units = statistics.Townships.Select(t => (t.Township, t.Figures)).Prepend((County, statistics.County)).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var delete = new NpgsqlCommand("DELETE FROM reliefmatch.month_figures WHERE period = $1", connection, tx))
        {
            delete.Parameters.Add(new() { Value = statistics.Period.ToString() });
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO reliefmatch.month_figures (period, township, data_warning, tags, tags_lacking, counted_at)
            SELECT $1, t.township, t.data_warning, t.tags, $5, $6 FROM unnest($2::text[], $3::integer[], $4::integer[]) AS t(township, data_warning, tags)
            """, connection, tx))
        {
            insert.Parameters.Add(new() { Value = statistics.Period.ToString() });
            insert.Parameters.Add(new() { Value = units.Select(u => u.Item1).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new() { Value = units.Select(u => u.Item2.DataWarning.Total).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
            insert.Parameters.Add(new() { Value = units.Select(u => u.Item2.TagsCounted).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
            insert.Parameters.Add(new() { Value = lacking, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new() { Value = countedAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The figures of the months from <paramref name="first"/> to <paramref name="last"/>, of one township when given
    /// (<see cref="County"/> for the county's), else of the county and every township; by month, then township (ordinal).
    /// </summary>
    public async Task<IReadOnlyList<MonthFigure>> LoadAsync(ReportingMonth first, ReportingMonth last, string? township = null, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT period, township, data_warning, tags, tags_lacking FROM reliefmatch.month_figures
            WHERE period BETWEEN $1 AND $2 AND ($3::text IS NULL OR township = $3)
            ORDER BY period, township COLLATE "C"
            """);
        cmd.Parameters.Add(new() { Value = first.ToString() });
        cmd.Parameters.Add(new() { Value = last.ToString() });
        cmd.Parameters.Add(new() { Value = (object?)township ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        var list = new List<MonthFigure>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new MonthFigure(ReportingMonth.Parse(r.GetString(0)), r.GetString(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetInt32(3), r.GetFieldValue<string[]>(4)));
        }
        return list;
    }
}
