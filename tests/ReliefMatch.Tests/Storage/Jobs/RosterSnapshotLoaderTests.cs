using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Storage.Jobs;
using ReliefMatch.Storage.Loading;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Jobs;

[Collection(PostgresCollection.Name)]
public sealed class RosterSnapshotLoaderTests(PostgresFixture postgres) : IAsyncLifetime, IDisposable
{
    private static readonly ReportingMonth June = new(2023, 6);
    private static readonly ReportingMonth July = new(2023, 7);
    private static readonly ReportingMonth August = new(2023, 8);

    private readonly TestDropFolder _inbox = new();
    private Database _db = null!;

    public async Task InitializeAsync() => _db = await postgres.NewDatabaseAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public void Dispose() => _inbox.Dispose();

    private async Task ImportAsync(SourceKind source, string name, ReportingMonth period, params ExtractRecord[] records)
    {
        var path = _inbox.Add(source, name, $"{source.Id()}/{name}", () => new TestExtract(records));
        var report = await new ExtractImporter(_db.DataSource, new FakeTimeProvider(), _inbox.Opener).ImportFileAsync(path, source, period);
        Assert.Null(report.RefusedReason);
    }

    [Fact]
    public async Task LoadAsync_LatestRosterPeriodAtOrBeforeTheMonth_SameRowsAsTheFullLoader()
    {
        await ImportAsync(SourceKind.Roster, "june.csv", June, TestRecords.Roster(3, 1));
        await ImportAsync(SourceKind.Roster, "july-home.csv", July, TestRecords.Roster(3, 2), TestRecords.Roster(4, 3));
        await ImportAsync(SourceKind.Roster, "july-other.csv", July, TestRecords.Roster(3, 4) with { CountyCode = "450325" });
        await ImportAsync(SourceKind.Roster, "august.csv", August, TestRecords.Roster(3, 5));
        await ImportAsync(SourceKind.Medical, "m.csv", July, TestRecords.Medical(2, 6, 10m));

        var snapshot = await new RosterSnapshotLoader(_db.DataSource).LoadAsync(July);
        var full = await new ExtractSetLoader(_db.DataSource).LoadAsync(July);

        Assert.Equal("2023-07", snapshot.Period);
        Assert.Equal(2, snapshot.ExtractIds.Count);
        Assert.Equal(full.Roster, snapshot.Rows);
        Assert.Equal([TestRecords.IdNumber(2), TestRecords.IdNumber(3), TestRecords.IdNumber(4)], snapshot.Rows.Select(r => r.Id.Text));
    }

    [Fact]
    public async Task LoadAsync_NoRosterYet_EmptySnapshotWithoutPeriod()
    {
        await ImportAsync(SourceKind.Roster, "august.csv", August, TestRecords.Roster(3, 5));

        var snapshot = await new RosterSnapshotLoader(_db.DataSource).LoadAsync(July);

        Assert.Null(snapshot.Period);
        Assert.Empty(snapshot.ExtractIds);
        Assert.Empty(snapshot.Rows);
    }
}
