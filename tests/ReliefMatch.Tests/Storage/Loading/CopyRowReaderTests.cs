using ReliefMatch.Storage;
using ReliefMatch.Storage.Loading;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Loading;

/// <summary>
/// The raw binary COPY reader against a real server: every value it decodes must equal what Npgsql's own reader
/// gives for the same query, scale of numerics included.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CopyRowReaderTests(PostgresFixture postgres) : IAsyncLifetime
{
    private Database _db = null!;

    public async Task InitializeAsync() => _db = await postgres.NewDatabaseAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("12.50")]
    [InlineData("12.5")]
    [InlineData("100.00")]
    [InlineData("20000")]
    [InlineData("20000.00")]
    [InlineData("-3.75")]
    [InlineData("0.0001")]
    [InlineData("0.00012")]
    [InlineData("123456789.123456")]
    [InlineData("99999999999999.99")]
    [InlineData("-0.5")]
    [InlineData("10000")]
    [InlineData("1e8")]
    public async Task Numerics_come_back_as_Npgsql_reads_them_scale_included(string literal)
    {
        var expected = await ScalarAsync<decimal>($"SELECT '{literal}'::numeric");
        var rows = await ReadAsync($"SELECT '{literal}'::numeric", r => r.Numeric());
        var actual = Assert.Single(rows);
        Assert.Equal(expected, actual);
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), actual.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Every_column_type_of_the_record_tables_and_nulls_are_read()
    {
        const string query = """
            SELECT * FROM (VALUES
                (9007199254740993::bigint, 42, 7::smallint, true, DATE '2023-07-31', 'éô 张三'::text, NULL::text, NULL::bigint, NULL::date, NULL::numeric, NULL::smallint, NULL::boolean),
                (-1::bigint, -5, -2::smallint, false, DATE '1999-12-31', ''::text, '永福县', 450326000000000001::bigint, DATE '2000-01-01', 1.10::numeric, 3::smallint, false)
            ) v
            """;
        var pool = new StringPool();
        var rows = await ReadAsync(query, r => (
            r.Int64(), r.Int32(), r.Int16(), r.Boolean(), r.Date(), r.Text(pool), r.NullableText(pool), r.NullableInt64(),
            r.NullableDate(), r.NullableNumeric(), r.NullableInt16(), r.NullableBoolean()));
        Assert.Equal(2, rows.Count);
        Assert.Equal((9007199254740993L, 42, (short)7, true, new DateOnly(2023, 7, 31), "éô 张三", (string?)null, (long?)null, (DateOnly?)null, (decimal?)null, (short?)null, (bool?)null), rows[0]);
        Assert.Equal((-1L, -5, (short)-2, false, new DateOnly(1999, 12, 31), "", "永福县", 450326000000000001L, new DateOnly(2000, 1, 1), 1.10m, (short)3, false), rows[1]);
    }

    [Fact]
    public async Task Pooled_texts_are_one_instance_and_long_texts_survive_buffer_refills()
    {
        var pool = new StringPool();
        var texts = await ReadAsync("SELECT CASE WHEN i % 2 = 0 THEN '百寿镇' ELSE repeat('长', 30000 + i) END FROM generate_series(1, 40) i", r => r.Text(pool));
        Assert.Equal(40, texts.Count);
        Assert.Same(texts[1], texts[3]);
        Assert.Equal("百寿镇", texts[1]);
        Assert.Equal(new string('长', 30001), texts[0]);
        Assert.Equal(new string('长', 30039), texts[38]);
    }

    [Fact]
    public async Task A_row_left_half_read_is_an_error_not_a_misaligned_read()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAsync("SELECT 1::bigint, 2::bigint FROM generate_series(1, 2)", r => r.Int64()));
        Assert.Contains("left unread", error.Message);
    }

    [Fact]
    public async Task A_null_where_a_value_is_required_names_the_type_and_row()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync("SELECT NULL::date", r => r.Date()));
        Assert.Contains("date", error.Message);
        Assert.Contains("row 1", error.Message);
    }

    private async Task<List<T>> ReadAsync<T>(string query, Func<CopyRowReader, T> read)
    {
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        await using var stream = await connection.BeginRawBinaryCopyAsync($"COPY ({query}) TO STDOUT (FORMAT BINARY)");
        var reader = CopyRowReader.Open(stream, "the test query");
        var rows = new List<T>();
        while (reader.NextRow())
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var cmd = _db.DataSource.CreateCommand(sql);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
