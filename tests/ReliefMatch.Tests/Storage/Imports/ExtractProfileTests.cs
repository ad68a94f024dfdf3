using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sources;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Imports;

/// <summary>
/// The profile the import counts while the records stream is the one querying the partition gives: each extract is
/// imported for real, then the queries that read the profile from the partition before it was counted in the process
/// are run against the same partition, and the two must agree exactly (the township array, and the months as jsonb).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ExtractProfileTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly ReportingMonth July = new(2023, 7);

    /// <summary>
    /// Townships as officers' files give them: spaces around (trimmed), a tab and an ideographic space (kept: btrim trims
    /// spaces only), blank ones, a NUL (not storable), a lone surrogate (stored as U+FFFD), and texts whose UTF-8 byte
    /// order differs from their UTF-16 order (a private-use character, U+FFFD and a character beyond the BMP).
    /// </summary>
    private static readonly string?[] Townships =
    [
        "永福镇", " 罗锦镇 ", "罗锦镇", "   ", "", "\t堡里镇", "龙江乡\u3000", "\u3000", "苏桥\0镇", "苏桥镇", "\uD800镇", "\uFFFD镇",
        "\U00020000镇", "\uE000镇", "Zhen", "zhen", "Ä镇", " 永福镇", null,
    ];

    private static readonly DateOnly?[] Dates =
    [
        new DateOnly(2023, 7, 1), new DateOnly(2023, 7, 31), new DateOnly(2023, 8, 1), null, new DateOnly(1, 1, 1),
        new DateOnly(9999, 12, 31), new DateOnly(999, 12, 31), new DateOnly(2020, 2, 29), new DateOnly(2023, 7, 15),
    ];

    private readonly string _folder = TempFolder.Create("extract-profile");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 9, 2, 1, 30, 0, TimeSpan.Zero));
    private Database _db = null!;

    public async Task InitializeAsync() => _db = await postgres.NewDatabaseAsync();

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        TempFolder.Delete(_folder);
    }

    /// <summary>The i-th township, a new string each time for some (so equal townships are not always the same instance).</summary>
    private static string? Township(int i) => Townships[i % Townships.Length] is { } t && i % 3 == 0 ? new string(t.AsSpan()) : Townships[i % Townships.Length];

    private static DateOnly? Date(int i) => Dates[i % Dates.Length];

    [Fact]
    public async Task RecordAsync_RosterAwkwardTownshipsAndDates_AsThePartitionQueriedGives()
    {
        // No last check date on any record: the field has no months, and is left out as the query left it out.
        var records = Enumerable.Range(0, 200).Select(i => (ExtractRecord)(TestRecords.Roster(2 + i, i) with
        {
            Township = Township(i) ?? "",
            EnrolledOn = Date(i),
            LastCheckOn = null,
            LastVisitOn = Date(i * 7 + 3),
        }));

        var (stored, queried) = await ImportAndQueryAsync(SourceRef.Of("roster"), records);

        Assert.Equal(queried, stored);
        Assert.Contains("罗锦镇", stored.Townships!);
        Assert.Contains("\t堡里镇", stored.Townships!);
        Assert.Contains("enrolled_on", stored.DateMonths, StringComparison.Ordinal);
        Assert.DoesNotContain("last_check_on", stored.DateMonths, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAsync_MonitoringTownshipsMissing_AsThePartitionQueriedGives()
    {
        var records = Enumerable.Range(0, 120).Select(i => (ExtractRecord)(TestRecords.Monitoring(2 + i, i) with { Township = Township(i * 5), IdentifiedOn = Date(i) }));

        var (stored, queried) = await ImportAndQueryAsync(SourceRef.Of("monitoring"), records);

        Assert.Equal(queried, stored);
        Assert.NotEmpty(stored.Townships!);
    }

    [Fact]
    public async Task RecordAsync_OnlyBlankTownships_EmptyNotMissing()
    {
        string?[] blank = ["", "   ", null];
        var records = Enumerable.Range(0, 9).Select(i => (ExtractRecord)(TestRecords.Monitoring(2 + i, i) with { Township = blank[i % 3] }));

        var (stored, queried) = await ImportAndQueryAsync(SourceRef.Of("monitoring"), records);

        Assert.Equal(queried, stored);
        Assert.Equal([], stored.Townships!);
    }

    [Fact]
    public async Task RecordAsync_MedicalWithoutTownship_AsThePartitionQueriedGives()
    {
        var records = Enumerable.Range(0, 90).Select(i => (ExtractRecord)TestRecords.Medical(2 + i, i, 10m, Date(i) ?? new DateOnly(2023, 6, 30)));

        var (stored, queried) = await ImportAndQueryAsync(SourceRef.Of("medical"), records);

        Assert.Equal(queried, stored);
        Assert.Null(stored.Townships);
        Assert.Contains("settled_on", stored.DateMonths, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAsync_DeclaredTownshipDateAndMonth_AsThePartitionQueriedGives()
    {
        var payments = SourceCatalog.Shipped.Find("payments")!;
        ReportingMonth?[] months = [new ReportingMonth(2023, 7), null, new ReportingMonth(2023, 6), new ReportingMonth(2022, 12)];
        var records = Enumerable.Range(0, 150).Select(i => (ExtractRecord)new DeclaredRecord
        {
            Declaration = payments,
            Row = 2 + i,
            Name = "对象" + i.ToString(CultureInfo.InvariantCulture),
            Id = TestRecords.Id(i),
            Values = payments.Fields.Select(f => f.Name switch
            {
                "name" => "对象" + i.ToString(CultureInfo.InvariantCulture),
                "account" => "62170000" + i.ToString("D6", CultureInfo.InvariantCulture),
                "paid_month" => months[i % months.Length],
                "amount" => 300m,
                "item" => "农村低保",
                "paid_on" => Date(i * 3),
                "township" => Township(i),
                _ => (object?)null,
            }).ToArray(),
        });

        var (stored, queried) = await ImportAndQueryAsync(SourceRef.Of("payments"), records);

        Assert.Equal(queried, stored);
        Assert.Contains("罗锦镇", stored.Townships!);
        Assert.Contains("paid_month", stored.DateMonths, StringComparison.Ordinal);
        Assert.Contains("paid_on", stored.DateMonths, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_RecordsOfKnownValues_AllocatesNothing()
    {
        var payments = SourceCatalog.Shipped.Find("payments")!;
        var records = Enumerable.Range(0, 1000).Select(i => (ExtractRecord)(TestRecords.Roster(2 + i, i) with { Township = Township(i) ?? "", EnrolledOn = Date(i), LastVisitOn = Date(i + 1) }))
            .Concat(Enumerable.Range(0, 1000).Select(i => (ExtractRecord)TestRecords.Medical(2 + i, i, 10m, Date(i) ?? new DateOnly(2023, 6, 30))))
            .Concat(Enumerable.Range(0, 1000).Select(i => (ExtractRecord)new DeclaredRecord
            {
                Declaration = payments,
                Name = "对象",
                Values = payments.Fields.Select(f => f.Name switch
                {
                    "paid_month" => new ReportingMonth(2023, 1 + i % 12),
                    "paid_on" => Date(i),
                    "township" => Township(i),
                    _ => (object?)null,
                }).ToArray(),
            }))
            .ToArray();
        var profiles = new[] { ExtractProfile.For(SourceRef.Of("roster")), ExtractProfile.For(SourceRef.Of("medical")), ExtractProfile.For(SourceRef.Of("payments")) };
        void AddAll()
        {
            foreach (var record in records)
            {
                profiles[record is RosterRecord ? 0 : record is MedicalRecord ? 1 : 2].Add(record);
            }
        }
        // Every distinct township and date is seen once; after that, counting a record must allocate nothing.
        AddAll();

        var before = GC.GetAllocatedBytesForCurrentThread();
        AddAll();

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(2000, profiles[1].DateMonths()["settled_on"].Values.Sum());
    }

    private sealed record Profile(string[]? Townships, string DateMonths)
    {
        public bool Equals(Profile? other) => other is not null && DateMonths == other.DateMonths &&
            (Townships is null ? other.Townships is null : other.Townships is not null && Townships.SequenceEqual(other.Townships, StringComparer.Ordinal));

        public override int GetHashCode() => DateMonths.GetHashCode(StringComparison.Ordinal);

        public override string ToString() => $"[{(Townships is null ? "null" : string.Join(" | ", Townships.Select(t => JsonSerializer.Serialize(t))))}] {DateMonths}";
    }

    /// <summary>Imports the records as one extract of <paramref name="source"/>; its stored profile, and the profile the partition's queries give.</summary>
    private async Task<(Profile Stored, Profile Queried)> ImportAndQueryAsync(SourceRef source, IEnumerable<ExtractRecord> records)
    {
        var file = $"{source.Id}_202307.csv";
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(_folder, source.Id)).FullName, file);
        await File.WriteAllTextAsync(path, source.Id);
        var list = records.ToList();
        ExtractOpener opener = (_, _, _) => new TestExtract(list) { Headers = ["姓名", "身份证号"] };
        var report = await new ExtractImporter(_db.DataSource, _time, opener).ImportFileAsync(path, source, July);
        Assert.Null(report.RefusedReason);
        Assert.Equal(list.Count, report.Accepted);

        await using var connection = await _db.DataSource.OpenConnectionAsync();
        long extractId;
        await using (var cmd = new NpgsqlCommand("SELECT id FROM reliefmatch.extracts WHERE file = $1", connection))
        {
            cmd.Parameters.Add(new() { Value = $"{source.Id}/{file}" });
            extractId = (long)(await cmd.ExecuteScalarAsync())!;
        }
        Profile stored;
        await using (var cmd = new NpgsqlCommand("SELECT townships, date_months::text FROM reliefmatch.extract_profiles WHERE extract_id = $1", connection))
        {
            cmd.Parameters.Add(new() { Value = extractId });
            await using var r = await cmd.ExecuteReaderAsync();
            Assert.True(await r.ReadAsync());
            stored = new Profile(r.IsDBNull(0) ? null : r.GetFieldValue<string[]>(0), r.GetString(1));
        }
        return (stored, await QueriedAsync(connection, source, extractId));
    }

    /// <summary>
    /// The profile as the import read it from the partition before it counted it while the records streamed: the
    /// reference the counted profile must equal.
    /// </summary>
    private static async Task<Profile> QueriedAsync(NpgsqlConnection connection, SourceRef source, long extractId)
    {
        var partition = RecordCopy.Partition(source, extractId);
        var (township, dates) = Expressions(source);
        string[]? townships = null;
        if (township is not null)
        {
            await using var cmd = new NpgsqlCommand($"SELECT DISTINCT btrim({township}) COLLATE \"C\" AS t FROM {partition} WHERE btrim(coalesce({township}, '')) <> '' ORDER BY t", connection);
            var list = new List<string>();
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                list.Add(r.GetString(0));
            }
            townships = [.. list];
        }
        var months = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        if (dates.Count > 0)
        {
            var sql = string.Join(" UNION ALL ", dates.Select(d =>
                $"SELECT '{d.Field}', {d.Month}, sum(n)::int FROM (SELECT {d.Value} AS v, count(*) AS n FROM {partition} WHERE {d.Value} IS NOT NULL GROUP BY 1) g GROUP BY 2"));
            await using var cmd = new NpgsqlCommand(sql, connection);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                var field = r.GetString(0);
                if (!months.TryGetValue(field, out var counts))
                {
                    months[field] = counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
                }
                counts[r.GetString(1)] = r.GetInt32(2);
            }
        }
        await using var json = new NpgsqlCommand("SELECT $1::jsonb::text", connection);
        json.Parameters.Add(new() { Value = JsonSerializer.Serialize(months) });
        return new Profile(townships, (string)(await json.ExecuteScalarAsync())!);
    }

    /// <summary>The SQL of a record's township and, per date field, of its value and of that value's month (in terms of <c>v</c>).</summary>
    private static (string? Township, List<(string Field, string Value, string Month)> Dates) Expressions(SourceRef source)
    {
        var fields = source.Declaration?.Fields ?? [];
        if (source.Kind is not null)
        {
            var stored = RecordCopy.Columns(source).Split(',').Select(c => c.Trim()).ToHashSet(StringComparer.Ordinal);
            return (stored.Contains("township") ? "township" : null,
                fields.Where(f => f.Type == FieldType.Date && stored.Contains(f.Name)).Select(f => (f.Name, f.Name, "to_char(v, 'YYYY-MM')")).ToList());
        }
        string Entry(int i) => string.Create(CultureInfo.InvariantCulture, $"field_values[{i + 1}]");
        string? township = null;
        var dates = new List<(string, string, string)>();
        for (var i = 0; i < fields.Count; i++)
        {
            if (!fields[i].Stored)
            {
                continue;
            }
            if (string.Equals(fields[i].Name, "township", StringComparison.Ordinal))
            {
                township = Entry(i);
            }
            else if (fields[i].Type is FieldType.Date or FieldType.Month)
            {
                dates.Add((fields[i].Name, $"left({Entry(i)}, 7)", "v"));
            }
        }
        return (township, dates);
    }
}
