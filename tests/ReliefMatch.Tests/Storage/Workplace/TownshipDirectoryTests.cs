using System.Text;
using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Storage.Workplace;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Workplace;

[Collection(PostgresCollection.Name)]
public sealed class TownshipDirectoryTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 8, 10, 2, 0, 0, TimeSpan.Zero));
    private readonly string _folder = TempFolder.Create("reliefmatch-townships");
    private Database _db = null!;

    public async Task InitializeAsync() => _db = await postgres.NewDatabaseAsync();

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        TempFolder.Delete(_folder);
    }

    private async Task ImportRosterAsync(string name, ReportingMonth period, params (string CountyCode, string Township, int Person)[] rows)
    {
        var text = new StringBuilder("区划代码,乡镇,家庭编号,姓名,身份证号,救助类别,保障状态\r\n");
        foreach (var (code, township, person) in rows)
        {
            text.Append($"{code},{township},H{person},张{person},{TestRecords.IdNumber(person)},农村低保,在保\r\n");
        }
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, text.ToString());
        var report = await new ExtractImporter(_db.DataSource, _time, readerOptions: Readers.TestExtracts.Options).ImportFileAsync(path, SourceKind.Roster, period);
        Assert.Null(report.RefusedReason);
    }

    [Fact]
    public async Task HomeTownshipsAsync_RosterSnapshots_TheHomeCountysTownshipsOfTheLatestSnapshotUpToTheMonth()
    {
        await ImportRosterAsync("july.csv", new(2023, 7), ("450326", " 罗锦镇 ", 1), ("450326101", "苏桥镇", 2), ("450312", "临桂镇", 3), ("450326", "罗锦镇", 4));
        await ImportRosterAsync("august.csv", new(2023, 8), ("450326", "罗锦镇", 1));
        var directory = new TownshipDirectory(_db.DataSource);

        Assert.Empty(await directory.HomeTownshipsAsync(new(2023, 6), "450326"));
        Assert.Equal(["罗锦镇", "苏桥镇"], await directory.HomeTownshipsAsync(new(2023, 7), "450326"));
        Assert.Equal(["罗锦镇"], await directory.HomeTownshipsAsync(new(2023, 9), "450326"));
        Assert.Equal(["临桂镇"], await directory.HomeTownshipsAsync(new(2023, 7), "450312"));
    }

    [Fact]
    public async Task RosterTownshipsAsync_RosterSnapshots_EveryHomeTownshipAnyRosterNames()
    {
        var directory = new TownshipDirectory(_db.DataSource);
        Assert.Empty(await directory.RosterTownshipsAsync("450326"));

        await ImportRosterAsync("july.csv", new(2023, 7), ("450326", " 苏桥镇 ", 1), ("450312", "临桂镇", 3));
        await ImportRosterAsync("august.csv", new(2023, 8), ("450326101", "罗锦镇", 1), ("450326", "", 2));

        Assert.Equal(["罗锦镇", "苏桥镇"], await directory.RosterTownshipsAsync("450326"));
    }
}
