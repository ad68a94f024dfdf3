using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Readers;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Imports;

[Collection(PostgresCollection.Name)]
public sealed class ExtractImporterTests(PostgresFixture postgres) : IAsyncLifetime, IDisposable
{
    private static readonly ReportingMonth July = new(2023, 7);
    private static readonly ReportingMonth August = new(2023, 8);
    private static readonly DateTimeOffset ImportTime = new(2023, 8, 2, 1, 30, 0, TimeSpan.Zero);

    private readonly TestDropFolder _inbox = new();
    private readonly FakeTimeProvider _time = new(ImportTime);
    private Database _db = null!;

    public async Task InitializeAsync() => _db = await postgres.NewDatabaseAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public void Dispose() => _inbox.Dispose();

    private ExtractImporter Importer() => new(_db.DataSource, _time, _inbox.Opener);

    private static IEnumerable<ExtractRecord> MedicalRows(int count, int firstRow = 2) =>
        Enumerable.Range(0, count).Select(i => (ExtractRecord)TestRecords.Medical(firstRow + i, i, 10m + i));

    [Fact]
    public async Task ImportFolderAsync_DropFolder_ImportsCsvAndXlsxBySourceThenFileName()
    {
        _inbox.Add(SourceKind.Roster, "花名册.xlsx", "roster", () => new TestExtract([TestRecords.Roster(3, 1)]) { Encoding = "XLSX", Sheet = "Sheet1", HeaderRow = 2 });
        _inbox.Add(SourceKind.Medical, "b.csv", "medical b", () => new TestExtract(MedicalRows(2)));
        _inbox.Add(SourceKind.Medical, "B.CSV", "medical B upper", () => new TestExtract(MedicalRows(1)));
        _inbox.Add(SourceKind.PoliceDeaths, "注销.csv", "police", () => new TestExtract([TestRecords.PoliceDeath(2, 1, new DateOnly(2023, 5, 1))]));
        _inbox.AddRaw("medical/说明.txt", "not an extract");
        _inbox.AddRaw("medical/~$b.xlsx", "spreadsheet lock file");
        _inbox.AddRaw("unknown-source/x.csv", "not a source folder");

        var reports = await Importer().ImportFolderAsync(_inbox.Root, July);

        Assert.Equal(["medical/B.CSV", "medical/b.csv", "police-deaths/注销.csv", "roster/花名册.xlsx"], reports.Select(r => r.File));
        Assert.All(reports, r => Assert.False(r.AlreadyImported));
        Assert.All(reports, r => Assert.Null(r.RefusedReason));
        var roster = reports[3];
        Assert.Equal(SourceKind.Roster, roster.Source);
        Assert.Equal("XLSX", roster.Encoding);
        Assert.Equal("Sheet1", roster.Sheet);
        Assert.Equal(2, roster.HeaderRow);
        Assert.Equal(4, await StorageTestDb.CountAsync(_db.DataSource, "extracts"));
        Assert.Equal(3, await StorageTestDb.CountAsync(_db.DataSource, "medical_records"));
    }

    [Fact]
    public void Constructor_NeitherOpenerNorHomeCounty_Refused()
    {
        // The home county is installation data: an importer told no county must not read rosters as some default one's.
        var e = Assert.Throws<ArgumentNullException>(() => new ExtractImporter(_db.DataSource, _time));
        Assert.Equal("readerOptions", e.ParamName);
    }

    [Fact]
    public void UndeclaredFolders_FoldersNoDeclarationNames_NamedInOrder()
    {
        _inbox.AddRaw("medical/a.csv", "declared");
        _inbox.AddRaw("housing-fund/公积金缴存_202307.csv", "no declaration");
        _inbox.AddRaw("payments/一卡通_202307.csv", "declared");
        _inbox.AddRaw("Roster/x.csv", "ids are case-sensitive");
        _inbox.AddRaw("火化记录/x.csv", "no declaration");
        _inbox.AddRaw(".uploads/x.csv", "hidden");

        Assert.Equal(["Roster", "housing-fund", "火化记录"], ExtractImporter.UndeclaredFolders(_inbox.Root));
    }

    [Fact]
    public async Task ImportFileAsync_NewFile_WritesManifestRecordsAndRejects()
    {
        var rejects = new[]
        {
            new RejectedRow(7, "身份证号", "4.50326E+17", "身份证号被Excel转为数字，15位后的数字已丢失，无法恢复"),
            new RejectedRow(9, "结算日期", "2023-13-45", "日期无法识别 (not a date)"),
        };
        var path = _inbox.Add(SourceKind.Medical, "医保结算_202307.csv", "some bytes", () => new TestExtract(MedicalRows(5), rejects, skipped: 2) { Encoding = "GB18030", HeaderRow = 3 });
        var (sha, size) = await ExtractImporter.HashAsync(path);

        var report = await Importer().ImportFileAsync(path, SourceKind.Medical, July);

        Assert.Equal("medical/医保结算_202307.csv", report.File);
        Assert.Equal(sha, report.Sha256);
        Assert.Equal(64, sha.Length);
        Assert.Equal(size, report.Size);
        Assert.Equal((9, 5, 2, 2), (report.RowsRead, report.Accepted, report.Rejected, report.Skipped));
        Assert.Equal(rejects, report.Rejects);
        var manifest = await StorageTestDb.DumpAsync(_db.DataSource,
            "SELECT source, file, sha256, size, encoding, sheet, header_row, rows_read, accepted, rejected, skipped, imported_at = '2023-08-02 01:30:00+00' AS at, period FROM reliefmatch.extracts");
        Assert.Equal($"(medical,medical/医保结算_202307.csv,{sha},{size},GB18030,,3,9,5,2,2,t,2023-07)", manifest);
        Assert.Equal("(2023-07)", await StorageTestDb.DumpAsync(_db.DataSource, "SELECT period FROM reliefmatch.extract_periods"));
        var stored = await StorageTestDb.DumpAsync(_db.DataSource, "SELECT row, column_name, value, reason FROM reliefmatch.rejected_rows");
        Assert.Equal("(7,身份证号,4.50326E+17,身份证号被Excel转为数字，15位后的数字已丢失，无法恢复)\n(9,结算日期,2023-13-45,\"日期无法识别 (not a date)\")", stored);
        Assert.Equal(5, await StorageTestDb.CountAsync(_db.DataSource, "medical_records"));
    }

    [Fact]
    public async Task ImportFileAsync_StreamFailsMidFile_LeavesNothingOfThatFile()
    {
        var broken = true;
        var path = _inbox.Add(SourceKind.Medical, "broken.csv", "broken file", () => broken
            ? new TestExtract(TestExtract.FailingAfter(MedicalRows(5000), new IOException("disk read error at line 5002")), [new RejectedRow(3, "姓名", "", "姓名为空")])
            : new TestExtract(MedicalRows(10)));
        var importer = Importer();

        var e = await Assert.ThrowsAsync<IOException>(() => importer.ImportFileAsync(path, SourceKind.Medical, July));

        Assert.Contains("line 5002", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "extracts"));
        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "extract_periods"));
        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "medical_records"));
        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "rejected_rows"));
        Assert.Equal(0, await PartitionsAsync());

        // Nothing remembers the failed attempt: the same bytes import normally afterwards.
        broken = false;
        var report = await importer.ImportFileAsync(path, SourceKind.Medical, July);
        Assert.False(report.AlreadyImported);
        Assert.Equal(10, await StorageTestDb.CountAsync(_db.DataSource, "medical_records"));
    }

    [Fact]
    public async Task ImportFileAsync_CancelledMidFile_LeavesNothingOfThatFile()
    {
        using var cancel = new CancellationTokenSource();
        IEnumerable<ExtractRecord> Rows()
        {
            foreach (var r in MedicalRows(200_000))
            {
                if (r.Row == 20_000)
                {
                    cancel.Cancel();
                }
                yield return r;
            }
        }
        var path = _inbox.Add(SourceKind.Medical, "killed.csv", "killed mid-way", () => new TestExtract(Rows()));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Importer().ImportFileAsync(path, SourceKind.Medical, July, cancellationToken: cancel.Token));

        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "extracts"));
        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "medical_records"));
        Assert.Equal(0, await PartitionsAsync());
    }

    [Fact]
    public async Task ImportFileAsync_ConnectionKilledMidCopy_LeavesNothingOfThatFile()
    {
        IEnumerable<ExtractRecord> Rows()
        {
            foreach (var r in MedicalRows(100_000))
            {
                if (r.Row == 30_000)
                {
                    // What the server sees when the importing process is killed: its connection goes away mid-COPY.
                    using var kill = _db.DataSource.CreateCommand(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query LIKE 'COPY reliefmatch.medical_records%' AND pid <> pg_backend_pid()");
                    Assert.Equal(1L, kill.ExecuteScalar());
                }
                yield return r;
            }
        }
        var path = _inbox.Add(SourceKind.Medical, "killed.csv", "connection killed", () => new TestExtract(Rows()));

        await Assert.ThrowsAnyAsync<Exception>(() => Importer().ImportFileAsync(path, SourceKind.Medical, July));

        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "extracts"));
        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "medical_records"));
        Assert.Equal(0, await PartitionsAsync());
    }

    private async Task<long> PartitionsAsync()
    {
        await using var cmd = _db.DataSource.CreateCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'reliefmatch' AND tablename ~ '_records_[0-9]+$'");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task ImportFileAsync_RecordOfAnotherSource_FailsAndStoresNothing()
    {
        var path = _inbox.Add(SourceKind.Medical, "mixed.csv", "mixed", () => new TestExtract([TestRecords.Medical(2, 1, 5m), TestRecords.Roster(3, 2)]));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Importer().ImportFileAsync(path, SourceKind.Medical, July));

        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "extracts"));
        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "medical_records"));
    }

    [Fact]
    public async Task ImportFileAsync_SameBytesTwice_SecondIsAlreadyImportedAndChangesNothing()
    {
        var path = _inbox.Add(SourceKind.Medical, "a.csv", "identical bytes", () => new TestExtract(MedicalRows(3), [new RejectedRow(5, "身份证号", "x", "身份证号位数不对")]));
        var copy = _inbox.Add(SourceKind.Medical, "a-copy.csv", "identical bytes", () => new TestExtract(MedicalRows(3)));
        var importer = Importer();
        var first = await importer.ImportFileAsync(path, SourceKind.Medical, July);
        var tables = "SELECT (SELECT count(*) FROM reliefmatch.extracts), (SELECT count(*) FROM reliefmatch.medical_records), " +
                     "(SELECT count(*) FROM reliefmatch.rejected_rows), (SELECT count(*) FROM reliefmatch.extract_periods)";
        var before = await StorageTestDb.DumpAsync(_db.DataSource, tables);

        var again = await importer.ImportFileAsync(path, SourceKind.Medical, July);
        var renamed = await importer.ImportFileAsync(copy, SourceKind.Medical, August);

        Assert.False(first.AlreadyImported);
        Assert.True(again.AlreadyImported);
        Assert.True(renamed.AlreadyImported);
        Assert.Equal("medical/a-copy.csv", renamed.File);
        Assert.Equal((first.Sha256, first.RowsRead, first.Accepted, first.Rejected), (again.Sha256, again.RowsRead, again.Accepted, again.Rejected));
        // The rows rejected when the file was stored are reported again, as stored.
        Assert.Equal(first.Rejects, again.Rejects);
        Assert.Equal(first.Rejects, renamed.Rejects);
        Assert.Equal(before, await StorageTestDb.DumpAsync(_db.DataSource, tables));
        Assert.Equal("(1,3,1,1)", before);
        Assert.Equal(1, _inbox.Opened["medical/a.csv"]);
        Assert.False(_inbox.Opened.ContainsKey("medical/a-copy.csv"));
    }

    [Fact]
    public async Task ImportFileAsync_SnapshotDroppedAgainForLaterPeriod_JoinsThatPeriodOnly()
    {
        var roster = _inbox.Add(SourceKind.Roster, "r.csv", "same roster", () => new TestExtract([TestRecords.Roster(2, 1)]));
        var monitoring = _inbox.Add(SourceKind.Monitoring, "m.csv", "same monitoring", () => new TestExtract([TestRecords.Monitoring(2, 1)]));
        var medical = _inbox.Add(SourceKind.Medical, "h.csv", "same medical", () => new TestExtract(MedicalRows(1)));
        var importer = Importer();
        foreach (var (path, source) in new[] { (roster, SourceKind.Roster), (monitoring, SourceKind.Monitoring), (medical, SourceKind.Medical) })
        {
            await importer.ImportFileAsync(path, source, July);
            var again = await importer.ImportFileAsync(path, source, August);
            Assert.True(again.AlreadyImported);
        }

        var links = await StorageTestDb.DumpAsync(_db.DataSource,
            "SELECT e.source, p.period FROM reliefmatch.extract_periods p JOIN reliefmatch.extracts e ON e.id = p.extract_id");
        Assert.Equal("(medical,2023-07)\n(monitoring,2023-07)\n(monitoring,2023-08)\n(roster,2023-07)\n(roster,2023-08)", links);
        Assert.Equal(3, await StorageTestDb.CountAsync(_db.DataSource, "extracts"));
        Assert.Equal(1, await StorageTestDb.CountAsync(_db.DataSource, "roster_records"));
    }

    [Fact]
    public async Task ImportFileAsync_RequiredColumnsMissing_RefusedWholeNamingFoundHeaders()
    {
        var path = _inbox.Add(SourceKind.Medical, "wrong.csv", "wrong columns", () => throw new ExtractRefusedException(
            "medical/wrong.csv", "找不到必需的列：结算日期", ["序号", "姓名", "身份证号", "金额"]));

        var report = await Importer().ImportFileAsync(path, SourceKind.Medical, July);

        Assert.NotNull(report.RefusedReason);
        Assert.Contains("结算日期", report.RefusedReason, StringComparison.Ordinal);
        Assert.Contains("序号、姓名、身份证号、金额", report.RefusedReason, StringComparison.Ordinal);
        Assert.False(report.AlreadyImported);
        Assert.Equal(0, report.Accepted);
        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "extracts"));
    }

    [Fact]
    public async Task ImportFileAsync_ReasonAlreadyNamesHeaders_NamesThemOnce()
    {
        const string reason = "找不到必需列：结算日期；找到的表头：姓名、身份证号";
        var path = _inbox.Add(SourceKind.Medical, "w.csv", "w", () => throw new ExtractRefusedException("medical/w.csv", reason, ["姓名", "身份证号"]));

        var report = await Importer().ImportFileAsync(path, SourceKind.Medical, July);

        Assert.Equal(reason, report.RefusedReason);
    }

    [Fact]
    public async Task ImportFileAsync_RefusedWhileReading_StoresNothing()
    {
        var path = _inbox.Add(SourceKind.Roster, "bad.xlsx", "unreadable", () => new TestExtract(
            TestExtract.FailingAfter([TestRecords.Roster(2, 1)], new ExtractRefusedException("roster/bad.xlsx", "文件已损坏 (not a readable XLSX)", []))));

        var report = await Importer().ImportFileAsync(path, SourceKind.Roster, July);

        Assert.Equal("文件已损坏 (not a readable XLSX)", report.RefusedReason);
        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "extracts"));
        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "roster_records"));
    }

    [Fact]
    public async Task ImportFileAsync_SameFileTwiceAtOnce_ImportedOnce()
    {
        var path = _inbox.Add(SourceKind.Medical, "race.csv", "raced", () => new TestExtract(MedicalRows(20_000)));

        var reports = await Task.WhenAll(Importer().ImportFileAsync(path, SourceKind.Medical, July), Importer().ImportFileAsync(path, SourceKind.Medical, July));

        Assert.Equal(1, reports.Count(r => r.AlreadyImported));
        Assert.Equal(1, await StorageTestDb.CountAsync(_db.DataSource, "extracts"));
        Assert.Equal(20_000, await StorageTestDb.CountAsync(_db.DataSource, "medical_records"));
        Assert.Equal(1, await PartitionsAsync());
    }

    [Fact]
    public async Task ImportFileAsync_Progress_ReportsRowsOfTheFile()
    {
        var path = _inbox.Add(SourceKind.Medical, "p.csv", "progress", () => new TestExtract(MedicalRows(120_000)));
        var seen = new List<(string File, long Rows)>();

        await Importer().ImportFileAsync(path, SourceKind.Medical, July, progress: new SynchronousProgress(seen));

        Assert.Equal(("medical/p.csv", 120_000L), seen[^1]);
        Assert.Contains(seen, s => s.Rows is >= 50_000 and < 120_000);
        Assert.Equal(seen.Select(s => s.Rows).Order(), seen.Select(s => s.Rows));
    }

    [Fact]
    public async Task ImportFileAsync_EveryField_IsStoredInTheTypedTable()
    {
        var roster = TestRecords.Roster(4, 1) with { Village = null, LastVisitOn = new DateOnly(2023, 2, 28), SupportMode = null };
        var path = _inbox.Add(SourceKind.Roster, "r.csv", "roster", () => new TestExtract([roster]));
        await Importer().ImportFileAsync(path, SourceKind.Roster, July);

        var row = await StorageTestDb.DumpAsync(_db.DataSource, "SELECT row, name, id_text, id_key, id_problem, id_upgraded, county_code, village, household_id, programme, support_mode, status, monthly_amount, last_visit_on, work_ability, income_stable FROM reliefmatch.roster_records");

        Assert.Equal($"(4,张1,{TestRecords.IdNumber(1)},{TestRecords.IdNumber(1)[..17]},,f,450326,,H1,rural-dibao,,active,520.50,2023-02-28,1,f)", row);
    }

    private sealed class SynchronousProgress(List<(string File, long Rows)> seen) : IProgress<(string File, long Rows)>
    {
        public void Report((string File, long Rows) value)
        {
            lock (seen)
            {
                seen.Add(value);
            }
        }
    }
}
