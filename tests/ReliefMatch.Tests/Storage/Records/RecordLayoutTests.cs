using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Storage.Loading;
using ReliefMatch.Storage.Records;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Records;

/// <summary>
/// The typed record tables' layouts against a real server: each agrees with the migrated schema (names, types and
/// nullability), each source with a record type has exactly one, a record written by a layout's COPY and read back
/// by the same layout is the record it was, every property included, and a record the import keeps in memory is the
/// record the load would read back, whatever awkward values it holds.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RecordLayoutTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const long ExtractId = 4_000_000_017;

    private Database _db = null!;

    private readonly TestDropFolder _inbox = new();

    public async Task InitializeAsync() => _db = await postgres.NewDatabaseAsync();

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        _inbox.Dispose();
    }

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
        var read = await ReadBackAsync(connection, layout, "copied", "TRUE");
        Assert.Equal([full with { ExtractId = ExtractId }, sparse with { ExtractId = ExtractId, Name = StoredCodes.Clean(sparse.Name) }], read);
    }

    /// <summary>The rows of <paramref name="table"/> that <paramref name="where"/> selects, in row order, read by the layout's export.</summary>
    private static async Task<List<T>> ReadBackAsync<T, TDraft>(Npgsql.NpgsqlConnection connection, RecordLayout<T, TDraft> layout, string table, string where)
        where T : ExtractRecord
        where TDraft : RecordDraft, new()
    {
        var read = new List<T>();
        await using var stream = await connection.BeginRawBinaryCopyAsync($"COPY (SELECT {layout.ColumnList} FROM {table} WHERE {where} ORDER BY row) TO STDOUT (FORMAT BINARY)");
        var rows = CopyRowReader.Open(stream, table);
        var pool = new StringPool();
        while (rows.NextRow())
        {
            read.Add(layout.Read(rows, pool));
        }
        return read;
    }

    private static object? Default(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;

    /// <summary>
    /// For every layout and every source it holds: records whose every property is set by its type to awkward values
    /// (NUL, unpaired surrogates, spaces, -0 and scaled zeros, a 15-digit upgraded ID, invalid and missing IDs, nulls,
    /// the extreme dates) are imported with <see cref="ParsedRecords"/> keeping them, then read back from the table by
    /// the layout; the kept record and the one read back agree on every property. The properties are found by
    /// reflection, so a column added to a record and its layout is covered without a change here.
    /// </summary>
    [Fact]
    public async Task EveryLayout_RecordKeptFromTheImport_IsTheRecordReadBack()
    {
        var check = typeof(RecordLayoutTests).GetMethod(nameof(KeptIsReadBackAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var layout in RecordLayouts.All)
        {
            foreach (var source in layout.Sources)
            {
                await (Task)check.MakeGenericMethod(layout.GetType().GetGenericArguments()).Invoke(this, [layout, source])!;
            }
        }
    }

    private const int Variants = 4;

    private async Task KeptIsReadBackAsync<T, TDraft>(RecordLayout<T, TDraft> layout, SourceKind source)
        where T : ExtractRecord
        where TDraft : RecordDraft, new()
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null).ToList();
        var records = Enumerable.Range(0, Variants).Select(v => Awkward<T>(properties, source, v)).ToList();
        var parsed = new ParsedRecords();
        var path = _inbox.Add(source, "awkward.csv", source.Id(), () => new TestExtract(records));
        var report = await new ExtractImporter(_db.DataSource, new FakeTimeProvider(), _inbox.Opener) { Parsed = parsed }.ImportFileAsync(path, source, new ReportingMonth(2023, 7));
        Assert.Null(report.RefusedReason);
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        long extractId;
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"SELECT id FROM reliefmatch.extracts WHERE sha256 = '{report.Sha256}' AND source = '{source.Id()}'";
            extractId = (long)(await cmd.ExecuteScalarAsync())!;
        }
        var read = await ReadBackAsync(connection, layout, layout.Table, $"extract_id = {extractId}");
        var kept = parsed.Of<T>(extractId)?.ToList();
        Assert.NotNull(kept);
        Assert.Equal(Variants, read.Count);
        Assert.Equal(Variants, kept.Count);
        for (var i = 0; i < Variants; i++)
        {
            foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var (k, r) = (Shown(property.GetValue(kept[i])), Shown(property.GetValue(read[i])));
                Assert.True(k == r, $"{layout.Table} ({source.Id()}), variant {i}: {property.Name} kept as {k}, read back as {r}");
            }
            Assert.Equal(read[i], kept[i]);
        }
    }

    /// <summary>A <typeparamref name="T"/> whose every settable property holds the <paramref name="variant"/>th awkward value of its type.</summary>
    private static T Awkward<T>(IEnumerable<PropertyInfo> properties, SourceKind source, int variant)
        where T : ExtractRecord
    {
        var record = (T)RuntimeHelpers.GetUninitializedObject(typeof(T));
        foreach (var property in properties)
        {
            var value = property.Name switch
            {
                nameof(ExtractRecord.ExtractId) => 0L,
                nameof(ExtractRecord.Row) => variant + 2,
                _ => AwkwardValue(property, source, variant),
            };
            property.SetValue(record, value);
        }
        return record;
    }

    /// <summary>The second variant (1) leaves every optional property null.</summary>
    private static object? AwkwardValue(PropertyInfo property, SourceKind source, int variant)
    {
        var type = property.PropertyType;
        var underlying = System.Nullable.GetUnderlyingType(type);
        if (variant == 1 && (underlying is not null || new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable))
        {
            return null;
        }
        var t = underlying ?? type;
        if (t == typeof(string))
        {
            return variant switch
            {
                0 => " 张\0三\uD800 ",
                1 => "  ",
                2 => "\uDC00尾\0",
                _ => "",
            };
        }
        if (t.IsEnum)
        {
            var values = Enum.GetValues(t);
            return values.GetValue(variant % values.Length);
        }
        return t switch
        {
            _ when t == typeof(ParsedId) => variant switch
            {
                0 => ResidentIdParser.Parse("450326800101123"),
                1 => ResidentIdParser.Parse(" 45032619800101 "),
                2 => ResidentIdParser.Parse("4503261980\00101\uD800"),
                _ => ParsedId.Missing,
            },
            _ when t == typeof(decimal) => variant switch { 0 => -0m, 1 => -0.00m, 2 => -1234.5600m, _ => 79_228_162_514_264_337_593_543_950_335m },
            _ when t == typeof(DateOnly) => variant switch { 0 => DateOnly.MinValue, 1 => new DateOnly(2024, 2, 29), 2 => DateOnly.MaxValue, _ => new DateOnly(2000, 1, 1) },
            _ when t == typeof(bool) => variant % 2 == 0,
            _ when t == typeof(int) => variant switch { 0 => 0, 1 => -1, 2 => (int)short.MaxValue, _ => (int)short.MinValue },
            _ when t == typeof(SourceRef) => (SourceRef)source,
            _ => throw new InvalidOperationException($"No awkward values for a property of type {type.Name}: give its type some here."),
        };
    }

    /// <summary>A value as the comparison sees it: a decimal with its sign and scale, a text with its code units.</summary>
    private static string Shown(object? value) => value switch
    {
        null => "null",
        decimal d => $"{d.ToString(CultureInfo.InvariantCulture)} (scale {d.Scale}, {(decimal.IsNegative(d) ? "negative" : "not negative")})",
        string s => $"\"{string.Concat(s.Select(c => c < ' ' || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()))}\"",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
