using System.Text;
using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Tests.Host.Jobs;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Imports;

/// <summary>
/// Stamping by the data's month: with no month given, a file is stamped with the month its name states, else the one
/// its title rows state (read by the real readers); a file that states none is neither imported nor refused.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ExtractImporterMonthTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly ReportingMonth June = new(2023, 6);
    private static readonly ReportingMonth July = new(2023, 7);

    private readonly string _folder = TempFolder.Create("reliefmatch-stamps");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 8, 10, 2, 0, 0, TimeSpan.Zero));
    private Database _db = null!;

    public async Task InitializeAsync() => _db = await postgres.NewDatabaseAsync();

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        TempFolder.Delete(_folder);
    }

    private ExtractImporter Importer() => new(_db.DataSource, _time, readerOptions: Readers.TestExtracts.Options);

    /// <summary>A roster CSV of one household head (person <paramref name="person"/>), with a title row above the header when given.</summary>
    private string Roster(string name, int person, string? title = null)
    {
        var path = Path.Combine(_folder, "roster", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = (title is null ? "" : title + ",,,,,,,,,,,\n") + RosterCsv.Header + "\n" +
            RosterCsv.Line("永福镇", "H" + person, "张" + person, TestRecords.IdNumber(person), "2023-01-03") + "\n";
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private Task<string> StampsAsync() => StorageTestDb.DumpAsync(_db.DataSource,
        "SELECT e.file, p.period FROM reliefmatch.extracts e JOIN reliefmatch.extract_periods p ON p.extract_id = e.id");

    [Fact]
    public async Task ImportFileAsync_NoMonthGiven_StampedWithTheMonthTheNameStates()
    {
        var report = await Importer().ImportFileAsync(Roster("roster-450326-202307.csv", 1), SourceKind.Roster, null);

        Assert.Equal(July, report.Period);
        Assert.False(report.MonthUnknown);
        Assert.Equal("(roster/roster-450326-202307.csv,2023-07)", await StampsAsync());
    }

    [Fact]
    public async Task ImportFileAsync_NameSilent_StampedWithTheMonthTheTitleRowStates()
    {
        var report = await Importer().ImportFileAsync(Roster("城乡低保花名册.csv", 1, "永福县2023年6月城乡低保在保对象花名册"), SourceKind.Roster, null);

        Assert.Equal(June, report.Period);
        Assert.Equal(1, report.Accepted);
        Assert.Equal("(roster/城乡低保花名册.csv,2023-06)", await StampsAsync());
    }

    [Fact]
    public async Task ImportFileAsync_NameStatesOneMonthTitleAnother_TheNameWins()
    {
        var report = await Importer().ImportFileAsync(Roster("花名册_202307.csv", 1, "永福县2023年6月城乡低保在保对象花名册"), SourceKind.Roster, null);

        Assert.Equal(July, report.Period);
    }

    [Fact]
    public async Task ImportFileAsync_MonthGiven_TheGivenMonthWinsOverTheName()
    {
        var report = await Importer().ImportFileAsync(Roster("花名册_202306.csv", 1), SourceKind.Roster, July);

        Assert.Equal(July, report.Period);
        Assert.Equal("(roster/花名册_202306.csv,2023-07)", await StampsAsync());
    }

    [Fact]
    public async Task ImportFileAsync_NeitherNameNorTitleStatesAMonth_MonthUnknownAndNothingStored()
    {
        var report = await Importer().ImportFileAsync(Roster("花名册-450326.csv", 1, "永福县城乡低保在保对象花名册"), SourceKind.Roster, null);

        Assert.True(report.MonthUnknown);
        Assert.Null(report.RefusedReason);
        Assert.Null(report.Period);
        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "extracts"));
        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "roster_records"));
    }

    [Fact]
    public async Task ImportFolderAsync_NoMonthGiven_EachFileItsOwnMonth()
    {
        Roster("花名册_202306.csv", 1);
        Roster("花名册_202307.csv", 2);
        Roster("花名册.csv", 3);

        var reports = await Importer().ImportFolderAsync(_folder, null);

        var byFile = reports.ToDictionary(r => r.File, r => (r.Period, r.MonthUnknown), StringComparer.Ordinal);
        Assert.Equal((June, false), byFile["roster/花名册_202306.csv"]);
        Assert.Equal((July, false), byFile["roster/花名册_202307.csv"]);
        Assert.Equal(((ReportingMonth?)null, true), byFile["roster/花名册.csv"]);
        Assert.Equal("(roster/花名册_202306.csv,2023-06)\n(roster/花名册_202307.csv,2023-07)", await StampsAsync());
    }

    [Fact]
    public async Task ImportFileAsync_SameBytesAgainUnderANameWithoutMonth_AlreadyImportedWithItsStamp()
    {
        var first = Roster("花名册_202307.csv", 1);
        await Importer().ImportFileAsync(first, SourceKind.Roster, null);
        var copy = Path.Combine(_folder, "roster", "花名册副本.csv");
        File.Copy(first, copy);

        var again = await Importer().ImportFileAsync(copy, SourceKind.Roster, null);

        Assert.True(again.AlreadyImported);
        Assert.Equal(July, again.Period);
        Assert.Equal("(roster/花名册_202307.csv,2023-07)", await StampsAsync());
    }
}
