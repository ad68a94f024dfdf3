using Microsoft.Extensions.Time.Testing;
using Npgsql;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Workplace;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Workplace;

[Collection(PostgresCollection.Name)]
public sealed class AuditLogTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 8, 10, 2, 0, 0, TimeSpan.Zero));
    private Database _db = null!;
    private AuditLog _log = null!;

    public async Task InitializeAsync()
    {
        _db = await postgres.NewDatabaseAsync();
        _log = new AuditLog(_db.DataSource, _time);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task WriteAsync_Entries_ReadBackNewestFirstWithTheTime()
    {
        await _log.WriteAsync(new AuditEntry("county1", UserRole.County, null, AuditActions.DownloadStatistics, "统计表 2023-07") { Rows = 9, Address = "127.0.0.1" });
        _time.Advance(TimeSpan.FromMinutes(1));
        await _log.WriteAsync(new AuditEntry("luojin1", UserRole.Township, "罗锦镇", AuditActions.RevealIds, "x") { Rows = 2, FullIds = true });
        await _log.WriteAsync(new AuditEntry("nobody", null, null, AuditActions.SignInFailed, "unknown user"));

        var lines = await _log.ListAsync(10);

        Assert.Equal(["sign-in-failed", "reveal-ids", "download-statistics"], lines.Select(l => l.Entry.Action));
        Assert.Equal(new AuditEntry("county1", UserRole.County, null, AuditActions.DownloadStatistics, "统计表 2023-07") { Rows = 9, Address = "127.0.0.1" }, lines[2].Entry);
        Assert.Equal(_time.GetUtcNow() - TimeSpan.FromMinutes(1), lines[2].At);
        Assert.Null(lines[0].Entry.Role);
        Assert.Equal(["reveal-ids", "download-statistics"], (await _log.ListAsync(10, before: lines[0].Id)).Select(l => l.Entry.Action));
        Assert.Single(await _log.ListAsync(1));
    }

    [Fact]
    public async Task ListAsync_Query_ByUserActionAndTimeThenOlderPages()
    {
        await _log.WriteAsync(new AuditEntry("county1", UserRole.County, null, AuditActions.DownloadStatistics, "统计表 2023-07"));
        _time.Advance(TimeSpan.FromDays(1));
        var start = _time.GetUtcNow();
        await _log.WriteAsync(new AuditEntry("county1", UserRole.County, null, AuditActions.RevealIds, "a"));
        await _log.WriteAsync(new AuditEntry("luojin1", UserRole.Township, "罗锦镇", AuditActions.RevealIds, "b"));
        await _log.WriteAsync(new AuditEntry("county1", UserRole.County, null, AuditActions.RevealIds, "c"));
        _time.Advance(TimeSpan.FromDays(1));
        await _log.WriteAsync(new AuditEntry("county1", UserRole.County, null, AuditActions.RevealIds, "d"));

        async Task<string> Subjects(AuditQuery query) => string.Join(",", (await _log.ListAsync(query)).Select(l => l.Entry.Subject));

        Assert.Equal("d,c,a", await Subjects(new AuditQuery { UserName = "county1", Action = AuditActions.RevealIds }));
        Assert.Equal("c,b,a", await Subjects(new AuditQuery { From = start, Until = start + TimeSpan.FromDays(1) }));
        Assert.Equal("统计表 2023-07", await Subjects(new AuditQuery { Until = start }));
        var first = await _log.ListAsync(new AuditQuery { UserName = "county1", Limit = 2 });
        Assert.Equal("d,c", string.Join(",", first.Select(l => l.Entry.Subject)));
        Assert.Equal("a,统计表 2023-07", await Subjects(new AuditQuery { UserName = "county1", Limit = 2, Before = first[^1].Id }));
        Assert.Equal("", await Subjects(new AuditQuery { UserName = "county" })); // a user's exact name, not a part of it
    }

    [Fact]
    public void Chinese_EveryAction_HasAChineseTitleAndIsListed()
    {
        var declared = typeof(AuditActions).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(declared.Order(StringComparer.Ordinal), AuditActions.All.Order(StringComparer.Ordinal));
        Assert.All(declared, a => Assert.Matches("^\\p{IsCJKUnifiedIdeographs}+$", AuditActions.Chinese(a)));
        Assert.Equal(declared.Count, declared.Select(AuditActions.Chinese).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("UPDATE reliefmatch.audit_log SET rows = 0")]
    [InlineData("UPDATE reliefmatch.audit_log SET user_name = 'someone else' WHERE action = 'download-worklist'")]
    [InlineData("DELETE FROM reliefmatch.audit_log")]
    [InlineData("DELETE FROM reliefmatch.audit_log WHERE id = 1")]
    [InlineData("TRUNCATE reliefmatch.audit_log")]
    public async Task AuditLog_UpdateDeleteOrTruncate_RefusedByTheDatabase(string sql)
    {
        await _log.WriteAsync(new AuditEntry("luojin1", UserRole.Township, "罗锦镇", AuditActions.DownloadWorklist, "罗锦镇 2023-07 xlsx") { Rows = 3 });

        // The application's role lacks the right; the owner, who has it, is stopped by the triggers.
        await using var cmd = _db.DataSource.CreateCommand(sql);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
        await using var owner = NpgsqlDataSource.Create(postgres.OwnerConnectionString(_db.ConnectionString));
        await using var asOwner = owner.CreateCommand(sql);
        var stopped = await Assert.ThrowsAsync<PostgresException>(() => asOwner.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, stopped.SqlState);
        Assert.Contains("append-only", stopped.MessageText, StringComparison.Ordinal);
        Assert.Equal("(luojin1,3)", await StorageTestDb.DumpAsync(_db.DataSource, "SELECT user_name, rows FROM reliefmatch.audit_log"));
    }
}
