using Npgsql;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Sources;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Imports;

/// <summary>
/// Every shipped source declaration against the migrated schema: each stored field has a column of a type its
/// declared type can hold, the import writes every column of the source's table, and in the declared order.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DeclaredSourceSchemaTests(PostgresFixture postgres)
{
    /// <summary>The column types each field type may be stored in (PostgreSQL's udt names).</summary>
    private static readonly Dictionary<FieldType, string[]> Storable = new()
    {
        [FieldType.ResidentId] = ["text"],
        [FieldType.Name] = ["text"],
        [FieldType.Text] = ["text"],
        [FieldType.CertificateNo] = ["text"],
        [FieldType.Code] = ["text", "int2", "bool"],
        [FieldType.Date] = ["date"],
        [FieldType.Month] = ["text", "date"],
        [FieldType.Money] = ["numeric"],
        [FieldType.Number] = ["numeric", "int4", "int8"],
    };

    /// <summary>The column a field is kept in: the person's name and ID are the common columns of every record table.</summary>
    private static string ColumnOf(FieldDeclaration field) => field.Name == "id_number" ? "id_text" : field.Name;

    [Fact]
    public async Task EveryShippedDeclaration_AgreesWithTheMigratedSchema()
    {
        await using var db = await postgres.NewDatabaseAsync();
        foreach (var kind in SourceKinds.All)
        {
            var declaration = kind.Declaration();
            var table = RecordCopy.Table(kind).Split('.')[1];
            var columns = await ColumnsAsync(db.DataSource, table);
            Assert.True(columns.Count > 0, $"{table} has no columns");
            var written = RecordCopy.Columns(kind).Split(',').Select(c => c.Trim()).ToList();
            Assert.True(columns.Keys.Order(StringComparer.Ordinal).SequenceEqual(written.Order(StringComparer.Ordinal)),
                $"{kind.Id()}: the import writes {string.Join(", ", written)}; {table} has {string.Join(", ", columns.Keys)}");

            var previous = -1;
            foreach (var field in declaration.Fields)
            {
                var column = ColumnOf(field);
                if (!field.Stored)
                {
                    Assert.False(columns.ContainsKey(column), $"{declaration.File}: '{field.Name}' is declared store: false, yet {table} has a column for it");
                    continue;
                }
                Assert.True(columns.TryGetValue(column, out var type), $"{declaration.File}: stored field '{field.Name}' has no column in {table}");
                Assert.True(Storable[field.Type].Contains(type), $"{declaration.File}: '{field.Name}' is {field.Type.Id()}, but {table}.{column} is {type}");
                if (field.Name is "name" or "id_number")
                {
                    continue; // the common columns, written first for every source
                }
                var position = written.IndexOf(column);
                Assert.True(position > previous, $"{declaration.File}: '{field.Name}' is written out of its declared order");
                previous = position;
            }
            if (declaration.Field("id_number") is not null)
            {
                Assert.Equal("int8", columns["id_key"]);
            }
        }
    }

    [Fact]
    public async Task DeclaredRecords_TheImportWritesAndTheLoaderReadsEveryColumnOfTheTable()
    {
        await using var db = await postgres.NewDatabaseAsync();
        var table = DeclaredRecordCopy.Table.Split('.')[1];
        var columns = await ColumnsAsync(db.DataSource, table);

        // One ordered list drives both the COPY in and the export; it must be the table's columns, in the table's order.
        Assert.Equal(columns.Keys, DeclaredRecordCopy.Columns.Split(',').Select(c => c.Trim()));
        Assert.Equal(["int8", "int4", "text", "text", "text", "int8", "text", "bool", "_text"], columns.Values);
        Assert.Equal("_text", (await ColumnsAsync(db.DataSource, "extracts"))["present_fields"]);
    }

    /// <summary>A value of each declared type, for the round trip through its stored text.</summary>
    public static TheoryData<FieldType, object> Values() => new()
    {
        { FieldType.Text, "备注" },
        { FieldType.Code, "urban-dibao" },
        { FieldType.Date, new DateOnly(2023, 7, 4) },
        { FieldType.Month, new ReliefMatch.Core.Periods.ReportingMonth(2023, 7) },
        { FieldType.Money, 12_500m },
        { FieldType.Money, 0.05m },
        { FieldType.Number, 3m },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void DeclaredRecords_EveryTypeStoredAsTextAndReadBackEqual(FieldType type, object value)
    {
        var held = DeclaredTable.ValueType(type);
        Assert.Equal(Nullable.GetUnderlyingType(held) ?? held, value.GetType());
        Assert.Equal(value, DeclaredRecordCopy.FromText(type, DeclaredRecordCopy.ToText(value)));
    }

    private static async Task<Dictionary<string, string>> ColumnsAsync(NpgsqlDataSource dataSource, string table)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = 'reliefmatch' AND table_name = $1 ORDER BY ordinal_position");
        cmd.Parameters.Add(new() { Value = table });
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            columns.Add(r.GetString(0), r.GetString(1));
        }
        return columns;
    }
}
