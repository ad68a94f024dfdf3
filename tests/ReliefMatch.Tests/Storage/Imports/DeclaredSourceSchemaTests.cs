using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Sources;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Storage.Records;
using ReliefMatch.Tests.Storage.Records;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Imports;

/// <summary>
/// Every shipped source declaration against the migrated schema: each stored field of a source with a record type has a
/// column of a type its declared type can hold, written by its table's layout in the declared order
/// (<see cref="RecordLayoutTests"/> holds the layouts themselves against the tables); every other source's fields are
/// kept in the declared records table.
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
            var layout = RecordLayouts.For(kind);
            var table = layout.Table.Split('.')[1];
            var columns = (await SchemaColumns.ReadAsync(db.DataSource, table)).ToDictionary(c => c.Key, c => c.Value.Type);
            var written = layout.Columns.Select(c => c.Name).ToList();

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
                Assert.True(written.Contains(column), $"{declaration.File}: stored field '{field.Name}' is not written by the layout of {table}");
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
    public async Task EveryOtherShippedDeclaration_IsKeptInTheDeclaredRecordsTable()
    {
        await using var db = await postgres.NewDatabaseAsync();
        var columns = await SchemaColumns.ReadAsync(db.DataSource, DeclaredRecordCopy.Table.Split('.')[1]);
        var others = SourceCatalog.Shipped.Sources.Where(d => !SourceKinds.TryParse(d.Id, out _)).ToList();
        Assert.NotEmpty(others);
        foreach (var declaration in others)
        {
            Assert.Equal(DeclaredRecordCopy.Table, RecordCopy.Table(SourceRef.Of(declaration)));
            foreach (var field in declaration.Fields)
            {
                // A field's value is an entry of field_values, as text of any declared type; the person's name and ID
                // have the common columns besides.
                var column = field.Type is FieldType.ResidentId or FieldType.Name && field.Name is "name" or "id_number" ? ColumnOf(field) : "field_values";
                Assert.True(columns.ContainsKey(column), $"{declaration.File}: '{field.Name}' has no column {column} in {DeclaredRecordCopy.Table}");
            }
        }
    }

    [Fact]
    public async Task DeclaredRecords_TheImportWritesAndTheLoaderReadsEveryColumnOfTheTable()
    {
        await using var db = await postgres.NewDatabaseAsync();
        var table = DeclaredRecordCopy.Table.Split('.')[1];
        var columns = (await SchemaColumns.ReadAsync(db.DataSource, table)).ToDictionary(c => c.Key, c => c.Value.Type);

        // One ordered list drives both the COPY in and the export; it must be the table's columns, in the table's order.
        Assert.Equal(columns.Keys, DeclaredRecordCopy.Columns.Split(',').Select(c => c.Trim()));
        Assert.Equal(["int8", "int4", "text", "text", "text", "int8", "text", "bool", "_text"], columns.Values);
        Assert.Equal("_text", (await SchemaColumns.ReadAsync(db.DataSource, "extracts"))["present_fields"].Type);
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
}
