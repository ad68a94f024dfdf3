using ReliefMatch.Storage.Findings;
using Npgsql;
using NpgsqlTypes;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Workplace;

/// <summary>
/// Reads stored findings for the workplace: a month's findings (what the run of that month produced, with
/// each finding's current status), searches, and the findings a returned worklist names by 预警编号. Inside a
/// <see cref="TownshipWall"/> the database itself keeps the reads to the wall's township.
/// </summary>
public sealed class FindingQueries(NpgsqlDataSource dataSource)
{
    private const string Columns = StoredFindingRow.Columns + """
        , f.first_seen, f.last_seen, f.closed_in, f.status, f.disposition_reason, f.disposition_by, f.disposition_at,
        f.checked_by, f.checked_on, f.answered_in, f.first_confirmed_on, f.first_confirmed_by
        """;

    /// <summary>
    /// 预警编号 in SQL: the first 16 hex digits (upper case) of SHA-256 over the key's UTF-8 bytes, as
    /// <see cref="Finding.Reference"/> computes it.
    /// </summary>
    private const string Reference = StoredReference.Sql;

    /// <summary>
    /// The findings the latest run of <paramref name="period"/> produced, of one township when given, with
    /// their current status (dismissed and closed ones included: the caller decides what to leave off). Each finding
    /// carries the version of the rule that raised it in that month, not the latest one's.
    /// </summary>
    public async Task<IReadOnlyList<WorkplaceFinding>> ForPeriodAsync(ReportingMonth period, string? township = null, CancellationToken cancellationToken = default)
    {
        await using var walled = await TownshipWall.CommandAsync(dataSource, $"""
            SELECT {StoredFindingRow.InPeriod(Columns)}
            FROM reliefmatch.finding_periods fp JOIN reliefmatch.findings f ON f.key = fp.key
            WHERE fp.period = $1 AND ($2::text IS NULL OR f.township = $2)
            ORDER BY f.township COLLATE "C", f.village COLLATE "C", f.name COLLATE "C", f.key COLLATE "C"
            """, cancellationToken).ConfigureAwait(false);
        var cmd = walled.Command;
        cmd.Parameters.Add(new() { Value = period.ToString() });
        cmd.Parameters.Add(new() { Value = (object?)township ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return await ReadAllAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Findings of every month matching the search, in its order; at most <see cref="FindingSearch.Limit"/>.</summary>
    public async Task<IReadOnlyList<WorkplaceFinding>> SearchAsync(FindingSearch search, CancellationToken cancellationToken = default) =>
        (await PageAsync(search, cancellationToken).ConfigureAwait(false)).Findings;

    /// <summary>
    /// The page of findings matching the search that <see cref="FindingSearch.Offset"/> and <see cref="FindingSearch.Limit"/>
    /// select, in the search's order, and how many match in all.
    /// </summary>
    public async Task<FindingPage> PageAsync(FindingSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        var text = string.IsNullOrWhiteSpace(search.Text) ? null : search.Text.Trim();
        var order = search.Sort switch
        {
            FindingSort.Township => """f.township COLLATE "C", f.village COLLATE "C", f.name COLLATE "C" """,
            FindingSort.Rule => """f.rule_id COLLATE "C", f.township COLLATE "C", f.name COLLATE "C" """,
            FindingSort.Name => """f.name COLLATE "C", f.township COLLATE "C" """,
            _ => """f.first_seen DESC, f.township COLLATE "C", f.village COLLATE "C", f.name COLLATE "C" """,
        };
        await using var walled = await TownshipWall.CommandAsync(dataSource, $"""
            SELECT {Columns}, count(*) OVER () AS total
            FROM reliefmatch.findings f
            WHERE ($1::text IS NULL
                   OR strpos(f.name, $1) > 0
                   OR (length($1) >= 4 AND strpos(f.id_number, upper($1)) > 0)
                   OR f.rule_id = $1
                   OR (length($1) = {StoredReference.Length} AND {Reference} = upper($1)))
              AND ($2::text IS NULL OR f.rule_id = $2)
              AND ($3::text IS NULL OR f.township = $3)
              AND ($4::text IS NULL OR f.status = $4)
              AND ($6::text IS NULL OR EXISTS (SELECT FROM reliefmatch.finding_periods fp WHERE fp.key = f.key AND fp.period = $6))
            ORDER BY {order}, f.key COLLATE "C"
            LIMIT $5 OFFSET $7
            """, cancellationToken).ConfigureAwait(false);
        var cmd = walled.Command;
        cmd.Parameters.Add(new() { Value = (object?)text ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = Blank(search.RuleId), NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = Blank(search.Township), NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = (object?)search.Status?.Id() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = search.Limit });
        cmd.Parameters.Add(new() { Value = (object?)search.Period?.ToString() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = Math.Max(0, search.Offset) });
        var list = new List<WorkplaceFinding>();
        var total = 0;
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(Read(r));
            total = (int)r.GetInt64(r.FieldCount - 1); // the count, after the finding's columns
        }
        if (list.Count == 0 && search.Offset > 0)
        {
            // Past the last page: the count still tells the caller how many there are.
            return new FindingPage(list, await CountAsync(search with { Offset = 0, Limit = 1 }, cancellationToken).ConfigureAwait(false));
        }
        return new FindingPage(list, total);
    }

    private async Task<int> CountAsync(FindingSearch search, CancellationToken cancellationToken) =>
        (await PageAsync(search, cancellationToken).ConfigureAwait(false)).Total;

    /// <summary>The townships that have findings, in ordinal order (inside a wall: the wall's own).</summary>
    public async Task<IReadOnlyList<string>> TownshipsAsync(CancellationToken cancellationToken = default) =>
        await TextsAsync("SELECT township FROM (SELECT DISTINCT township FROM reliefmatch.findings) t ORDER BY township COLLATE \"C\"", cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The findings with the given 预警编号, by reference (upper case). References that name no finding are
    /// missing from the result.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ReferencedFinding>> ByReferencesAsync(IEnumerable<string> references, CancellationToken cancellationToken = default)
    {
        var wanted = references.Select(r => r.Trim().ToUpperInvariant()).Where(r => r.Length == StoredReference.Length).Distinct(StringComparer.Ordinal).ToArray();
        var found = new Dictionary<string, ReferencedFinding>(StringComparer.Ordinal);
        if (wanted.Length == 0)
        {
            return found;
        }
        // Not behind the township wall: a returned worklist's rows are told apart as "no such 预警编号" and "another
        // township's" (the service refuses both), and what is read here is no one's personal data.
        // The reference is computed over every key: findings number in the thousands, and a stored copy of a
        // digest would have to be kept in step by every writer of the findings table.
        await using var cmd = dataSource.CreateCommand($"""
            SELECT ref, key, township, status, disposition_reason, checked_by, checked_on,
                   first_seen, last_seen, answered_in, name, id_number, rule_id
            FROM (SELECT {Reference} AS ref, f.* FROM reliefmatch.findings f) x
            WHERE ref = ANY($1)
            """);
        cmd.Parameters.Add(new() { Value = wanted, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found[r.GetString(0)] = new ReferencedFinding(r.GetString(0), r.GetString(1), r.GetString(2), FindingStatusText.Parse(r.GetString(3)))
            {
                DispositionReason = r.IsDBNull(4) ? null : r.GetString(4),
                CheckedBy = r.IsDBNull(5) ? null : r.GetString(5),
                CheckedOn = r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6),
                FirstSeen = ReportingMonth.Parse(r.GetString(7)),
                LastSeen = ReportingMonth.Parse(r.GetString(8)),
                AnsweredIn = r.IsDBNull(9) ? null : ReportingMonth.Parse(r.GetString(9)),
                Name = r.GetString(10),
                IdNumber = r.GetString(11),
                RuleId = r.GetString(12),
            };
        }
        return found;
    }

    /// <summary>The months that have findings or runs, newest first.</summary>
    public async Task<IReadOnlyList<ReportingMonth>> PeriodsAsync(CancellationToken cancellationToken = default) =>
        (await TextsAsync("SELECT period FROM reliefmatch.finding_periods UNION SELECT period FROM reliefmatch.runs ORDER BY 1 DESC", cancellationToken).ConfigureAwait(false))
            .Select(ReportingMonth.Parse).ToList();

    /// <summary>The rule ids that have findings, in ordinal order.</summary>
    public async Task<IReadOnlyList<string>> RuleIdsAsync(CancellationToken cancellationToken = default) =>
        await TextsAsync("SELECT rule_id FROM (SELECT DISTINCT rule_id FROM reliefmatch.findings) r ORDER BY rule_id COLLATE \"C\"", cancellationToken).ConfigureAwait(false);

    /// <summary>The first column of a query's rows, read behind the township wall when there is one.</summary>
    private async Task<List<string>> TextsAsync(string sql, CancellationToken cancellationToken)
    {
        await using var walled = await TownshipWall.CommandAsync(dataSource, sql, cancellationToken).ConfigureAwait(false);
        var list = new List<string>();
        await using var r = await walled.Command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(r.GetString(0));
        }
        return list;
    }

    private static object Blank(string? text) => string.IsNullOrWhiteSpace(text) ? DBNull.Value : text.Trim();

    private static async Task<IReadOnlyList<WorkplaceFinding>> ReadAllAsync(NpgsqlCommand cmd, CancellationToken cancellationToken)
    {
        var list = new List<WorkplaceFinding>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(Read(r));
        }
        return list;
    }

    private static WorkplaceFinding Read(NpgsqlDataReader r)
    {
        const int own = StoredFindingRow.Count;
        return new WorkplaceFinding(StoredFindingRow.Read(r), ReportingMonth.Parse(r.GetString(own)), ReportingMonth.Parse(r.GetString(own + 1)),
            FindingStatusText.Parse(r.GetString(own + 3)))
        {
            ClosedIn = r.IsDBNull(own + 2) ? null : ReportingMonth.Parse(r.GetString(own + 2)),
            DispositionReason = r.IsDBNull(own + 4) ? null : r.GetString(own + 4),
            DispositionBy = r.IsDBNull(own + 5) ? null : r.GetString(own + 5),
            DispositionAt = r.IsDBNull(own + 6) ? null : r.GetFieldValue<DateTimeOffset>(own + 6),
            CheckedBy = r.IsDBNull(own + 7) ? null : r.GetString(own + 7),
            CheckedOn = r.IsDBNull(own + 8) ? null : r.GetFieldValue<DateOnly>(own + 8),
            AnsweredIn = r.IsDBNull(own + 9) ? null : ReportingMonth.Parse(r.GetString(own + 9)),
            FirstConfirmedOn = r.IsDBNull(own + 10) ? null : r.GetFieldValue<DateOnly>(own + 10),
            FirstConfirmedBy = r.IsDBNull(own + 11) ? null : r.GetString(own + 11),
        };
    }
}
