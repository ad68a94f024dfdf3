using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sanity;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Imports;

/// <summary>The sanity checks from what the importer stored: two months of a source imported for real, then compared.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ExtractSanityTests(PostgresFixture postgres) : IAsyncLifetime, IDisposable
{
    private static readonly ReportingMonth July = new(2023, 7);
    private static readonly ReportingMonth August = new(2023, 8);
    private static readonly string[] MedicalHeaders = ["姓名", "身份证号", "结算日期", "个人自付"];

    private readonly TestDropFolder _inbox = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 9, 2, 1, 30, 0, TimeSpan.Zero));
    private Database _db = null!;

    public async Task InitializeAsync() => _db = await postgres.NewDatabaseAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public void Dispose() => _inbox.Dispose();

    private async Task ImportMedicalAsync(ReportingMonth period, int rows, DateOnly settled, string[] headers)
    {
        var name = $"医保结算_{period.Year}{period.Month:D2}.csv";
        var path = _inbox.Add(SourceKind.Medical, name, $"{period} {rows} {settled} {string.Join(",", headers)}",
            () => new TestExtract(Enumerable.Range(0, rows).Select(i => (ExtractRecord)TestRecords.Medical(2 + i, i, 10m, settled))) { Headers = headers });
        var report = await new ExtractImporter(_db.DataSource, _time, _inbox.Opener).ImportFileAsync(path, SourceKind.Medical, period);
        Assert.Null(report.RefusedReason);
    }

    private async Task ImportRosterAsync(ReportingMonth period, params string[] townships)
    {
        var name = $"花名册_{period.Year}{period.Month:D2}.csv";
        var path = _inbox.Add(SourceKind.Roster, name, $"{period} {string.Join(",", townships)}",
            () => new TestExtract(townships.Select((t, i) => (ExtractRecord)(TestRecords.Roster(2 + i, i) with { Township = t }))) { Headers = ["姓名", "身份证号", "乡镇"] });
        await new ExtractImporter(_db.DataSource, _time, _inbox.Opener).ImportFileAsync(path, SourceKind.Roster, period);
    }

    private Task<IReadOnlyList<SanityWarning>> ChecksAsync(ReportingMonth period) => new ExtractSanity(_db.DataSource).CheckAsync(period, SanityThresholds.Shipped);

    [Fact]
    public async Task CheckAsync_ColumnGoneAndRowsHalved_BothNamedWithPreviousFigures()
    {
        await ImportMedicalAsync(July, 100, new DateOnly(2023, 7, 10), MedicalHeaders);
        await ImportMedicalAsync(August, 50, new DateOnly(2023, 8, 10), ["姓名", "身份证号", "结算日期"]);

        var checks = await ChecksAsync(August);

        Assert.Equal([SanityCheck.Columns, SanityCheck.RowCount], checks.Select(c => c.Check));
        Assert.All(checks, c => Assert.Equal("medical/医保结算_202308.csv", c.File));
        Assert.Contains("少了 个人自付", checks[0].Message, StringComparison.Ordinal);
        Assert.Equal(("50 行", "100 行"), (checks[1].Figure, checks[1].Previous));
        // July is the source's first month: nothing to compare with.
        Assert.Empty(await ChecksAsync(July));
    }

    [Fact]
    public async Task CheckAsync_SameColumnsAndRows_Silent()
    {
        await ImportMedicalAsync(July, 100, new DateOnly(2023, 7, 10), MedicalHeaders);
        await ImportMedicalAsync(August, 110, new DateOnly(2023, 8, 10), MedicalHeaders);

        Assert.Empty(await ChecksAsync(August));
    }

    [Fact]
    public async Task CheckAsync_EveryDateInThePreviousMonth_Warns()
    {
        await ImportMedicalAsync(July, 100, new DateOnly(2023, 7, 10), MedicalHeaders);
        await ImportMedicalAsync(August, 100, new DateOnly(2023, 7, 20), MedicalHeaders);

        var check = Assert.Single(await ChecksAsync(August));
        Assert.Equal(SanityCheck.Dates, check.Check);
        Assert.Equal("0 / 100 在2023年8月", check.Figure);
        Assert.Equal("100 / 100 在2023年7月", check.Previous);
    }

    [Fact]
    public async Task CheckAsync_RosterSnapshotLosesTownship_NamesIt()
    {
        await ImportRosterAsync(July, "永福镇", "罗锦镇", "百寿镇");
        await ImportRosterAsync(August, "永福镇", "百寿镇");

        var check = Assert.Single(await ChecksAsync(August));
        Assert.Equal(SanityCheck.Townships, check.Check);
        Assert.Contains("没有 罗锦镇 的任何记录", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_RosterSnapshotKeepsTownships_Silent()
    {
        await ImportRosterAsync(July, "永福镇", "罗锦镇");
        await ImportRosterAsync(August, "罗锦镇", "永福镇", "永福镇");

        Assert.Empty(await ChecksAsync(August));
    }
}
