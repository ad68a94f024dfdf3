using Npgsql;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Imports;

/// <summary>
/// The raw binary COPY writer against a real server: what it writes must read back, through Npgsql's own reader, as
/// the values given — numerics with their scale, texts in any script, NULLs — and a COPY not completed keeps nothing.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CopyRowWriterTests(PostgresFixture postgres) : IAsyncLifetime
{
    private Database _db = null!;

    public async Task InitializeAsync() => _db = await postgres.NewDatabaseAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public static TheoryData<string> Amounts => new()
    {
        "0", "0.00", "12.50", "12.5", "100.00", "20000", "20000.00", "-3.75", "0.0001", "0.00012", "123456789.123456",
        "99999999999999.99", "-0.5", "10000", "100000000", "1234.5678", "0.1", "-20000.01", "79228162514264337593543950335",
        "7.9228162514264337593543950335",
    };

    [Theory]
    [MemberData(nameof(Amounts))]
    public async Task Numerics_read_back_equal_and_with_their_scale(string literal)
    {
        var value = decimal.Parse(literal, System.Globalization.CultureInfo.InvariantCulture);
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        await Exec(connection, "CREATE TEMP TABLE t (n numeric)");
        await using (var w = await CopyRowWriter.BeginAsync(connection, "COPY t FROM STDIN (FORMAT BINARY)", CancellationToken.None))
        {
            w.StartRow(1);
            w.Numeric(value);
            await w.CompleteAsync(CancellationToken.None);
        }

        await using var cmd = new NpgsqlCommand("SELECT n, n::text FROM t", connection);
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.Equal(value, r.GetDecimal(0));
        Assert.Equal(literal, r.GetString(1));
    }

    [Fact]
    public async Task Every_column_type_and_nulls_read_back_over_many_buffers()
    {
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        await Exec(connection, "CREATE TEMP TABLE t (a bigint, b integer, c smallint, d boolean, e date, f text, g numeric)");
        const int rows = 50_000; // several flushes of the writer's buffer
        await using (var w = await CopyRowWriter.BeginAsync(connection, "COPY t FROM STDIN (FORMAT BINARY)", CancellationToken.None))
        {
            for (var i = 0; i < rows; i++)
            {
                w.StartRow(7);
                w.Int64(450326195001011000L + i);
                w.Int32(-i);
                w.Int16((short)(i % 3));
                w.Boolean(i % 2 == 0);
                if (i % 5 == 0)
                {
                    w.Null();
                }
                else
                {
                    w.Date(new DateOnly(1999, 12, 31).AddDays(i % 1000));
                }
                w.Text(i % 7 == 0 ? "" : "永福县 苏桥镇 𠀋 é " + i);
                if (i % 4 == 0)
                {
                    w.Null();
                }
                else
                {
                    w.Numeric(i / 100m);
                }
            }
            await w.CompleteAsync(CancellationToken.None);
        }

        Assert.Equal(rows, await Scalar<long>(connection, "SELECT count(*) FROM t"));
        await using var cmd = new NpgsqlCommand("SELECT a, b, c, d, e, f, g FROM t WHERE b IN (0, -1, -7, -12345, -49999) ORDER BY b DESC", connection);
        await using var r = await cmd.ExecuteReaderAsync();
        var seen = new List<string>();
        while (await r.ReadAsync())
        {
            seen.Add(string.Join("|", Enumerable.Range(0, 7).Select(k => r.IsDBNull(k) ? "NULL" : Convert.ToString(r.GetValue(k), System.Globalization.CultureInfo.InvariantCulture))));
        }
        Assert.Equal(
        [
            "450326195001011000|0|0|True|NULL||NULL",
            "450326195001011001|-1|1|False|01/01/2000|永福县 苏桥镇 𠀋 é 1|0.01",
            "450326195001011007|-7|1|False|01/07/2000||0.07",
            "450326195001023345|-12345|0|False|NULL|永福县 苏桥镇 𠀋 é 12345|123.45",
            "450326195001060999|-49999|1|False|09/25/2002|永福县 苏桥镇 𠀋 é 49999|499.99",
        ], seen);
    }

    [Fact]
    public async Task A_copy_disposed_without_completing_keeps_no_row()
    {
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        await Exec(connection, "CREATE TEMP TABLE t (a bigint)");
        await using (var w = await CopyRowWriter.BeginAsync(connection, "COPY t FROM STDIN (FORMAT BINARY)", CancellationToken.None))
        {
            for (var i = 0; i < 100_000; i++)
            {
                w.StartRow(1);
                w.Int64(i);
            }
        }

        Assert.Equal(0L, await Scalar<long>(connection, "SELECT count(*) FROM t"));
    }

    [Fact]
    public async Task A_row_with_too_many_or_too_few_fields_is_refused()
    {
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        await Exec(connection, "CREATE TEMP TABLE t (a bigint, b bigint)");
        await using var w = await CopyRowWriter.BeginAsync(connection, "COPY t FROM STDIN (FORMAT BINARY)", CancellationToken.None);
        w.StartRow(1);
        w.Int64(1);
        Assert.Throws<InvalidOperationException>(() => w.Int64(2));
        w.StartRow(2);
        w.Int64(1);
        Assert.Throws<InvalidOperationException>(() => w.StartRow(2));
    }

    private static async Task Exec(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
