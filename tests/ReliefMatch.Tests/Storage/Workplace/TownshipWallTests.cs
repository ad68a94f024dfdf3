using Microsoft.Extensions.Time.Testing;
using Npgsql;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Findings;
using ReliefMatch.Storage.Workplace;
using ReliefMatch.Tests.Host.Web;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Workplace;

/// <summary>The database's own wall: a township's reads see that township's findings and returns, whatever the query asks.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TownshipWallTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 8, 3, 2, 0, 0, TimeSpan.Zero));
    private Database _db = null!;

    public async Task InitializeAsync()
    {
        _db = await postgres.NewDatabaseAsync();
        await new FindingStore(_db.DataSource, _time).SaveRunAsync(WebTestData.July, [WebTestData.Deceased(1, "罗锦镇"), WebTestData.Deceased(2, "苏桥镇"), WebTestData.Deceased(3, "苏桥镇")]);
        var returns = new WorklistReturnStore(_db.DataSource, _time);
        foreach (var township in new[] { "罗锦镇", "苏桥镇" })
        {
            await returns.SaveAsync(new WorklistReturn
            {
                UserName = "u", Township = township, File = township + ".xlsx", Sha256 = "00", RowsRead = 1,
                Rows = [new WorklistReturnRow(2, "YJ0000000000000000", ReturnOutcome.Refused, "预警编号不存在。")],
            });
        }
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData("SELECT township FROM reliefmatch.findings")]
    [InlineData("SELECT f.township FROM reliefmatch.finding_periods p JOIN reliefmatch.findings f USING (key)")]
    [InlineData("SELECT (SELECT township FROM reliefmatch.findings f WHERE f.key = p.key) FROM reliefmatch.finding_periods p")]
    [InlineData("SELECT (SELECT township FROM reliefmatch.findings f WHERE f.key = e.key) FROM reliefmatch.finding_events e")]
    [InlineData("SELECT township FROM reliefmatch.worklist_returns")]
    [InlineData("SELECT w.township FROM reliefmatch.worklist_return_rows r JOIN reliefmatch.worklist_returns w ON w.id = r.return_id")]
    public async Task TownshipSession_ReadingWithoutWhere_SeesItsOwnRowsOnly(string sql)
    {
        Assert.Equal(["苏桥镇"], (await ReadAsTownshipAsync(sql, "苏桥镇")).Distinct());
        Assert.Equal(["罗锦镇"], (await ReadAsTownshipAsync(sql, "罗锦镇")).Distinct());
        Assert.Empty(await ReadAsTownshipAsync(sql, township: null));
        Assert.Equal(["罗锦镇", "苏桥镇"], (await ReadAsync(sql)).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FindingQueries_InsideTheWall_ReturnTheWallsTownshipWhateverTheyAskFor()
    {
        var queries = new FindingQueries(_db.DataSource);
        var returns = new WorklistReturnStore(_db.DataSource, _time);
        var all = await returns.ListAsync(null, 10);

        using (TownshipWall.Enter("苏桥镇"))
        {
            Assert.Equal(["李2", "李3"], (await queries.ForPeriodAsync(WebTestData.July)).Select(f => f.Finding.Name));
            Assert.Empty(await queries.ForPeriodAsync(WebTestData.July, "罗锦镇"));
            Assert.Equal(["李2", "李3"], (await queries.SearchAsync(new FindingSearch { Text = "李" })).Select(f => f.Finding.Name).Order(StringComparer.Ordinal));
            Assert.Equal(["苏桥镇"], (await returns.ListAsync(null, 10)).Select(r => r.Township));
            var other = all.Single(r => r.Township == "罗锦镇").Id;
            Assert.Null(await returns.FindAsync(other));
            Assert.Empty(await returns.RowsAsync(other));
        }

        Assert.Null(TownshipWall.Township);
        Assert.Equal(3, (await queries.ForPeriodAsync(WebTestData.July)).Count);
    }

    private async Task<List<string>> ReadAsTownshipAsync(string sql, string? township)
    {
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var role = new NpgsqlCommand($"SET LOCAL ROLE {DatabaseRoles.Township}", connection, tx))
        {
            await role.ExecuteNonQueryAsync();
        }
        if (township is not null)
        {
            await using var set = new NpgsqlCommand($"SELECT set_config('{DatabaseRoles.TownshipSetting}', $1, true)", connection, tx) { Parameters = { new() { Value = township } } };
            await set.ExecuteNonQueryAsync();
        }
        return await ReadAsync(new NpgsqlCommand(sql, connection, tx));
    }

    private Task<List<string>> ReadAsync(string sql) => ReadAsync(_db.DataSource.CreateCommand(sql));

    private static async Task<List<string>> ReadAsync(NpgsqlCommand cmd)
    {
        await using (cmd)
        {
            var list = new List<string>();
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                list.Add(r.GetString(0));
            }
            return list;
        }
    }
}
