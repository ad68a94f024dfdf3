using System.Reflection;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Storage.Loading;
using ReliefMatch.Storage.Records;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Records;

/// <summary>
/// The typed record tables' layouts against a real server: each agrees with the migrated schema (names, types and
/// nullability), each source with a record type has exactly one, and a record written by a layout's COPY and read back
/// by the same layout is the record it was, every property included.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RecordLayoutTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const long ExtractId = 4_000_000_017;

    private Database _db = null!;

    public async Task InitializeAsync() => _db = await postgres.NewDatabaseAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public void For_EveryTypedSource_OneLayoutHoldsIt()
    {
        foreach (var source in SourceKinds.All)
        {
            var layout = Assert.Single(RecordLayouts.All, l => l.Sources.Contains(source));
            Assert.Same(layout, RecordLayouts.For(source));
            Assert.Equal(layout.Table, RecordCopy.Table(source));
        }
    }

    [Fact]
    public async Task EveryLayout_AgreesWithTheMigratedSchema()
    {
        foreach (var layout in RecordLayouts.All)
        {
            var table = layout.Table.Split('.')[1];
            var columns = await SchemaColumns.ReadAsync(_db.DataSource, table);
            Assert.True(columns.Count > 0, $"{table} has no columns");
            var written = layout.Columns.Select(c => c.Name).Order(StringComparer.Ordinal);
            Assert.True(columns.Keys.Order(StringComparer.Ordinal).SequenceEqual(written),
                $"{table}: the layout has {layout.ColumnList}; the table has {string.Join(", ", columns.Keys)}");
            foreach (var column in layout.Columns)
            {
                Assert.Equal((table, column.Name, columns[column.Name].Type, columns[column.Name].Nullable), (table, column.Name, column.Type, column.Nullable));
            }
        }
    }

    [Fact]
    public async Task Roster_WrittenAndReadBack_IsTheSameRecord() =>
        await RoundTripAsync(RecordLayouts.Roster, new RosterRecord
        {
            Row = 2, Name = "张三", Id = Upgraded, CountyCode = "450326", County = "永福县", Township = "百寿镇", Village = "百寿村",
            HouseholdId = "H001", HeadName = "张大", HeadIdNumber = "450326195001011234", Relation = "子女", Programme = Programme.RuralDibao,
            SupportMode = SupportMode.Dispersed, Status = EnrolmentStatus.PhasingOut, EnrolledOn = new(2019, 3, 1), MonthlyAmount = 512.50m,
            LastCheckOn = new(2023, 1, 5), LastVisitOn = new(2023, 2, 6), WorkAbility = WorkAbility.PartlyAble, IncomeStable = false,
        }, new RosterRecord
        {
            Row = 3, Name = "李\0四", Id = Invalid, CountyCode = "450326", Township = "百寿镇", HouseholdId = "H002",
            Programme = Programme.Tekun, Status = EnrolmentStatus.Active,
        });

    [Fact]
    public async Task Deaths_WrittenAndReadBack_AreTheSameRecords() =>
        await RoundTripAsync(RecordLayouts.Deaths, new DeathRecord
        {
            Row = 2, Name = "王五", Id = Upgraded, Kind = SourceKind.PoliceDeaths, Sex = Sex.Female, BirthDate = new(1940, 1, 1),
            DeathDate = new(2023, 6, 30), CancelledOn = new(2023, 7, 2), CancelReason = "死亡", IsDeath = true, Place = "家中",
            Cause = "疾病", Reporter = "王六",
        }, new DeathRecord { Row = 3, Name = "赵七", Id = Invalid, Kind = SourceKind.HealthDeaths, IsDeath = false });

    [Fact]
    public async Task Disability_WrittenAndReadBack_IsTheSameRecord() =>
        await RoundTripAsync(RecordLayouts.Disability, new DisabilityRecord
        {
            Row = 2, Name = "钱八", Id = Upgraded, CertificateNo = "45032619800101123X42", Category = DisabilityCategory.Mental, Level = 3,
            IssuedOn = new(2015, 5, 5), CertificateStatus = "有效", Township = "龙江乡", Village = "龙江村",
        }, new DisabilityRecord { Row = 3, Name = "孙九", Id = Invalid, Category = DisabilityCategory.Visual, Level = 1 });

    [Fact]
    public async Task Medical_WrittenAndReadBack_IsTheSameRecord() =>
        await RoundTripAsync(RecordLayouts.Medical, new MedicalRecord
        {
            Row = 2, Name = "周十", Id = Upgraded, SettledOn = new(2023, 7, 1), Total = 12_000.05m, BasicPaid = 6_000m, CriticalPaid = 1_000.5m,
            AssistancePaid = 500m, OutOfPocket = 4_499.55m, VisitType = "住院", Institution = "永福县人民医院",
        }, new MedicalRecord { Row = 3, Name = "吴一", Id = Invalid, SettledOn = new(2023, 7, 2), OutOfPocket = -0.5m });

    [Fact]
    public async Task Monitoring_WrittenAndReadBack_IsTheSameRecord() =>
        await RoundTripAsync(RecordLayouts.Monitoring, new MonitoringRecord
        {
            Row = 2, Name = "郑二", Id = Upgraded, HouseholdId = "M001", Relation = "户主", MonitorType = "脱贫不稳定户", Risk = "因病",
            IdentifiedOn = new(2022, 9, 1), RiskCleared = true, IncomePerCapita = 6_500.25m, Township = "罗锦镇", Village = "罗锦村",
        }, new MonitoringRecord { Row = 3, Name = "冯三", Id = Invalid });

    /// <summary>A valid ID upgraded from 15 digits: key, text and flag all set.</summary>
    private static ParsedId Upgraded { get; } = ResidentIdParser.Parse("450326800101123");

    /// <summary>An ID with a problem and no key.</summary>
    private static ParsedId Invalid { get; } = ResidentIdParser.Parse("45032619800101");

    /// <summary>
    /// Writes <paramref name="full"/> (every property set, which is checked) and <paramref name="sparse"/> (the optional
    /// ones left out) through the layout's COPY, reads them back through its export, and compares.
    /// </summary>
    private async Task RoundTripAsync<T, TDraft>(RecordLayout<T, TDraft> layout, T full, T sparse)
        where T : ExtractRecord
        where TDraft : RecordDraft, new()
    {
        Assert.True(Upgraded.IsValid && Upgraded.UpgradedFrom15);
        Assert.False(Invalid.IsValid);
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null))
        {
            var value = property.GetValue(full);
            Assert.False(property.Name != nameof(ExtractRecord.ExtractId) && Equals(value, Default(property.PropertyType)),
                $"the full {typeof(T).Name} leaves {property.Name} unset, so the round trip would not see it lost");
        }

        await using var connection = await _db.DataSource.OpenConnectionAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = $"CREATE TEMP TABLE copied (LIKE {layout.Table})";
            await create.ExecuteNonQueryAsync();
        }
        await using (var w = await CopyRowWriter.BeginAsync(connection, $"COPY copied ({layout.ColumnList}) FROM STDIN (FORMAT BINARY)", default))
        {
            layout.Write(w, ExtractId, full);
            ((IRecordLayout)layout).Write(w, ExtractId, sparse);
            await w.CompleteAsync(default);
        }
        var read = new List<T>();
        await using (var stream = await connection.BeginRawBinaryCopyAsync($"COPY (SELECT {layout.ColumnList} FROM copied ORDER BY row) TO STDOUT (FORMAT BINARY)"))
        {
            var rows = CopyRowReader.Open(stream, "the copied records");
            var pool = new StringPool();
            while (rows.NextRow())
            {
                read.Add(layout.Read(rows, pool));
            }
        }
        Assert.Equal([full with { ExtractId = ExtractId }, sparse with { ExtractId = ExtractId, Name = StoredCodes.Clean(sparse.Name) }], read);
    }

    private static object? Default(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;
}
