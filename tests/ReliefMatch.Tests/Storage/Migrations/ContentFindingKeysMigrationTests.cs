using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ReliefMatch.Storage.Migrations;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Migrations;

/// <summary>Migration 9 (<c>content_finding_keys</c>) rekeys stored id-name-mismatch findings from the extract's id to its file's SHA-256.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ContentFindingKeysMigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Migrate_FindingKeyedByExtractId_RekeyedByShaWithItsPeriodsAndEvents()
    {
        await using var dataSource = NpgsqlDataSource.Create(postgres.OwnerConnectionString(await postgres.CreateEmptyDatabaseAsync()));
        await new Migrator(dataSource, NullLogger.Instance).MigrateAsync();
        var sha = new string('a', 64);
        await using (var setUp = dataSource.CreateCommand($"""
            INSERT INTO reliefmatch.extracts (id, source, file, sha256, size, encoding, header_row, rows_read, accepted, rejected, skipped, imported_at, period)
                OVERRIDING SYSTEM VALUE VALUES (42, 'disability', 'disability/d.csv', '{sha}', 1, 'UTF-8', 1, 1, 1, 0, 0, now(), '2023-07');
            INSERT INTO reliefmatch.runs (id, period, started_at, status) OVERRIDING SYSTEM VALUE VALUES (1, '2023-07', now(), 'succeeded');
            INSERT INTO reliefmatch.findings (key, rule_id, rule_version, id_number, household_id, discriminator, name, township, village, programmes,
                confidence, evidence, evidence_fingerprint, feeds_data_warning, suggested_action, due_days, first_seen, last_seen, status, disposition_reason)
            VALUES ('id-name-mismatch|450326X|H1|disability:42:7', 'id-name-mismatch', 1, '450326X', 'H1', 'disability:42:7', '张一', '永福镇', '', ARRAY[]::text[],
                'review', '[]', 'f', false, '', 15, '2023-07', '2023-07', 'dismissed', '核实为录入错误'),
                   ('deceased-recipient|450326Y|H2|', 'deceased-recipient', 1, '450326Y', 'H2', '', '李二', '永福镇', '', ARRAY[]::text[],
                'exact', '[]', 'f', true, '', 15, '2023-07', '2023-07', 'open', null);
            INSERT INTO reliefmatch.finding_periods (key, period, run_id, evidence_fingerprint, rule_version) VALUES ('id-name-mismatch|450326X|H1|disability:42:7', '2023-07', 1, 'f', 1);
            INSERT INTO reliefmatch.finding_events (key, period, run_id, event, at) VALUES ('id-name-mismatch|450326X|H1|disability:42:7', '2023-07', 1, 'raised', now());
            """))
        {
            await setUp.ExecuteNonQueryAsync();
        }

        // The rows above are what a database of version 8 held; the migration's own SQL is applied to them again.
        await using (var rekey = dataSource.CreateCommand(Migration.All.Single(m => m.Name == "content_finding_keys").Sql))
        {
            await rekey.ExecuteNonQueryAsync();
        }

        var key = $"id-name-mismatch|450326X|H1|disability:{sha}:7";
        await using var check = dataSource.CreateCommand($"""
            SELECT (SELECT string_agg(key || ' ' || discriminator || ' ' || status, ';' ORDER BY key) FROM reliefmatch.findings),
                   (SELECT count(*) FROM reliefmatch.finding_periods WHERE key = '{key}'),
                   (SELECT count(*) FROM reliefmatch.finding_events WHERE key = '{key}')
            """);
        await using var r = await check.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.Equal($"deceased-recipient|450326Y|H2|  open;{key} disability:{sha}:7 dismissed", r.GetString(0));
        Assert.Equal((1L, 1L), (r.GetInt64(1), r.GetInt64(2)));
    }
}
