using Npgsql;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Workplace;

/// <summary>Which townships there are, as the imported rosters and the stored findings name them.</summary>
public sealed class TownshipDirectory(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The townships of the home county in the roster snapshot of <paramref name="period"/> (the roster
    /// extracts of the latest period ≤ P that has any), trimmed, in ordinal order: the townships that get a
    /// worklist and a line of the 统计表 even with nothing flagged. A county code counts as the home county's
    /// when it is the six-digit code or a longer all-digit code starting with it.
    /// </summary>
    public async Task<IReadOnlyList<string>> HomeTownshipsAsync(ReportingMonth period, string homeCountyCode, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            WITH linked AS (
                SELECT ep.extract_id, ep.period
                FROM reliefmatch.extract_periods ep JOIN reliefmatch.extracts e ON e.id = ep.extract_id
                WHERE e.source = 'roster' AND ep.period <= $1),
            snapshot AS (
                SELECT extract_id FROM linked WHERE period = (SELECT max(period) FROM linked))
            SELECT name FROM (
                SELECT DISTINCT btrim(r.township) AS name
                FROM reliefmatch.roster_records r
                WHERE r.extract_id IN (SELECT extract_id FROM snapshot)
                  AND left(btrim(r.county_code), length($2)) = $2
                  AND substr(btrim(r.county_code), length($2) + 1) ~ '^[0-9]*$'
                  AND btrim(r.township) <> '') t
            ORDER BY name COLLATE "C"
            """);
        cmd.Parameters.Add(new() { Value = period.ToString() });
        cmd.Parameters.Add(new() { Value = homeCountyCode });
        return await NamesAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every township of the home county that any imported roster names (of whatever month), trimmed, in ordinal
    /// order: the townships a township user may belong to.
    /// </summary>
    public async Task<IReadOnlyList<string>> RosterTownshipsAsync(string homeCountyCode, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT name FROM (
                SELECT DISTINCT btrim(r.township) AS name
                FROM reliefmatch.roster_records r
                WHERE left(btrim(r.county_code), length($1)) = $1
                  AND substr(btrim(r.county_code), length($1) + 1) ~ '^[0-9]*$'
                  AND btrim(r.township) <> '') t
            ORDER BY name COLLATE "C"
            """);
        cmd.Parameters.Add(new() { Value = homeCountyCode });
        return await NamesAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<string>> NamesAsync(NpgsqlCommand cmd, CancellationToken cancellationToken)
    {
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(r.GetString(0));
        }
        return list;
    }
}
