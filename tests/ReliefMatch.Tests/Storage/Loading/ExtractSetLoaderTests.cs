using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;
using ReliefMatch.Readers;
using ReliefMatch.SampleData;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Storage.Loading;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Loading;

[Collection(PostgresCollection.Name)]
public sealed class ExtractSetLoaderTests(PostgresFixture postgres) : IAsyncLifetime, IDisposable
{
    private static readonly ReportingMonth June = new(2023, 6);
    private static readonly ReportingMonth July = new(2023, 7);
    private static readonly ReportingMonth August = new(2023, 8);

    private readonly TestDropFolder _inbox = new();
    private readonly ParsedRecords _parsed = new();
    private Database _db = null!;

    public async Task InitializeAsync() => _db = await postgres.NewDatabaseAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public void Dispose() => _inbox.Dispose();

    private async Task<long> ImportAsync(SourceKind source, string name, ReportingMonth period, params ExtractRecord[] records)
    {
        var path = _inbox.Add(source, name, $"{source.Id()}/{name}", () => new TestExtract(records));
        var report = await Importer(_parsed).ImportFileAsync(path, source, period);
        Assert.Null(report.RefusedReason);
        await using var cmd = _db.DataSource.CreateCommand($"SELECT id FROM reliefmatch.extracts WHERE sha256 = '{report.Sha256}' AND source = '{source.Id()}'");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private ExtractImporter Importer(ParsedRecords? parsed) => new(_db.DataSource, new FakeTimeProvider(), _inbox.Opener) { Parsed = parsed };

    /// <summary>Imports records, keeping them in <paramref name="parsed"/> when given.</summary>
    private async Task<FileReport> StoreAsync(ParsedRecords? parsed, SourceKind source, string name, ReportingMonth period, params ExtractRecord[] records) =>
        await Importer(parsed).ImportFileAsync(_inbox.Add(source, name, $"{source.Id()}/{name}", () => new TestExtract(records)), source, period);

    /// <summary>
    /// The month as the loader reads it back from PostgreSQL, checked to be exactly the set it gives from the records
    /// the imports kept in memory (<see cref="ParsedRecords"/>): every test here holds for both.
    /// </summary>
    private async Task<ExtractSet> LoadAsync(ReportingMonth period)
    {
        var stored = await new ExtractSetLoader(_db.DataSource).LoadAsync(period);
        ExtractSetDescription.AssertSame(stored, await new ExtractSetLoader(_db.DataSource, parsed: _parsed).LoadAsync(period));
        return stored;
    }

    /// <summary>
    /// Makes <paramref name="persons"/> known (a monitoring snapshot stamped before every month the tests use):
    /// departmental records whose valid ID no known person holds are not loaded.
    /// </summary>
    private Task<long> KnownAsync(params int[] persons) =>
        ImportAsync(SourceKind.Monitoring, "known.csv", new ReportingMonth(2023, 1), persons.Select((p, i) => (ExtractRecord)TestRecords.Monitoring(i + 2, p)).ToArray());

    [Fact]
    public async Task LoadAsync_EverySource_RebuildsRecordsWithExtractAndRow()
    {
        var roster = TestRecords.Roster(3, 1);
        var invalid = TestRecords.Roster(4, 2) with { Id = ResidentIdParser.Parse("450326198001011234") };
        var legacy = TestRecords.Roster(5, 3) with { Id = ResidentIdParser.Parse("450326800101123"), IncomeStable = null, WorkAbility = null };
        var missing = TestRecords.Roster(6, 4) with { Id = ParsedId.Missing };
        var police = TestRecords.PoliceDeath(2, 5, new DateOnly(2023, 5, 12)) with { DeathDate = null, Sex = null };
        var health = TestRecords.HealthDeath(2, 6, new DateOnly(2023, 6, 1));
        var disability = TestRecords.Disability(2, 7, 2, DisabilityCategory.Mental);
        var medical = TestRecords.Medical(2, 8, 1234.56m) with { Total = null, Institution = null };
        var monitoring = TestRecords.Monitoring(2, 9) with { RiskCleared = true };
        // The departmental records' people (5 to 8) are monitored too, so that they are loaded.
        var monitored = Enumerable.Range(5, 4).Select(p => TestRecords.Monitoring(p - 2, p)).ToArray();
        var ids = new Dictionary<SourceKind, long>
        {
            [SourceKind.Roster] = await ImportAsync(SourceKind.Roster, "r.csv", July, roster, invalid, legacy, missing),
            [SourceKind.PoliceDeaths] = await ImportAsync(SourceKind.PoliceDeaths, "p.csv", July, police),
            [SourceKind.HealthDeaths] = await ImportAsync(SourceKind.HealthDeaths, "h.csv", July, health),
            [SourceKind.Disability] = await ImportAsync(SourceKind.Disability, "d.csv", July, disability),
            [SourceKind.Medical] = await ImportAsync(SourceKind.Medical, "m.csv", July, medical),
            [SourceKind.Monitoring] = await ImportAsync(SourceKind.Monitoring, "w.csv", July, [monitoring, .. monitored]),
        };

        var set = await LoadAsync(July);

        var r = ids[SourceKind.Roster];
        Assert.Equal([roster with { ExtractId = r }, invalid with { ExtractId = r }, legacy with { ExtractId = r }, missing with { ExtractId = r }], set.Roster);
        Assert.Equal(IdProblem.WrongCheckCharacter, set.Roster[1].Id.Problem);
        Assert.True(set.Roster[2].Id.UpgradedFrom15);
        Assert.Equal(IdProblem.Missing, set.Roster[3].Id.Problem);
        Assert.Equal([police with { ExtractId = ids[SourceKind.PoliceDeaths] }, health with { ExtractId = ids[SourceKind.HealthDeaths] }], set.Deaths);
        Assert.Equal([disability with { ExtractId = ids[SourceKind.Disability] }], set.Disability);
        Assert.Equal([medical with { ExtractId = ids[SourceKind.Medical] }], set.Medical);
        Assert.Equal([monitoring, .. monitored], set.Monitoring.Select(m => m with { ExtractId = 0 }));
        Assert.Equal(ids.Values.Order(), set.Extracts.Keys.Order());
        var info = set.Extracts[r];
        Assert.Equal((SourceKind.Roster, "roster/r.csv", "2023-07"), (info.Source, info.File, info.Period));
        Assert.Equal(64, info.Sha256.Length);
    }

    [Fact]
    public async Task LoadAsync_Snapshots_TakeEveryFileOfTheLatestPeriodUpToP()
    {
        var june = await ImportAsync(SourceKind.Roster, "june.csv", June, TestRecords.Roster(2, 1), TestRecords.Roster(3, 2));
        var augustHome = await ImportAsync(SourceKind.Roster, "aug-home.csv", August, TestRecords.Roster(2, 1));
        var augustNeighbour = await ImportAsync(SourceKind.Roster, "aug-neighbour.csv", August, TestRecords.Roster(2, 3) with { CountyCode = "450321" });
        var monitoringJune = await ImportAsync(SourceKind.Monitoring, "m-june.csv", June, TestRecords.Monitoring(2, 5));

        Assert.Empty((await LoadAsync(new ReportingMonth(2023, 5))).Roster);
        Assert.Equal([june, june], (await LoadAsync(June)).Roster.Select(x => x.ExtractId));
        var july = await LoadAsync(July);
        Assert.Equal([june, june], july.Roster.Select(x => x.ExtractId));
        Assert.Equal([monitoringJune], july.Monitoring.Select(x => x.ExtractId));
        var august = await LoadAsync(August);
        Assert.Equal([augustHome, augustNeighbour], august.Roster.Select(x => x.ExtractId));
        Assert.Equal([TestRecords.IdNumber(1), TestRecords.IdNumber(3)], august.Roster.Select(x => x.Id.Text));
        Assert.DoesNotContain(june, august.Extracts.Keys);
        Assert.Equal([monitoringJune], august.Monitoring.Select(x => x.ExtractId));
    }

    [Fact]
    public async Task LoadAsync_SnapshotDroppedAgainUnchanged_IsPartOfTheLaterSnapshot()
    {
        var path = _inbox.Add(SourceKind.Roster, "same.csv", "same roster bytes", () => new TestExtract([TestRecords.Roster(2, 1)]));
        var importer = new ExtractImporter(_db.DataSource, new FakeTimeProvider(), _inbox.Opener);
        await importer.ImportFileAsync(path, SourceKind.Roster, June);
        var other = await ImportAsync(SourceKind.Roster, "other-county.csv", July, TestRecords.Roster(2, 2) with { CountyCode = "450321" });

        Assert.Equal([other], (await LoadAsync(July)).Roster.Select(x => x.ExtractId));
        Assert.True((await importer.ImportFileAsync(path, SourceKind.Roster, July)).AlreadyImported);

        var july = await LoadAsync(July);
        Assert.Equal(2, july.Roster.Count);
        Assert.Contains(other, july.Roster.Select(x => x.ExtractId));
    }

    [Fact]
    public async Task LoadAsync_IdenticalDeathRecordsInTwoFiles_CountedOnceFromTheFirstFile()
    {
        await KnownAsync(1, 2, 3, 4);
        var death = TestRecords.PoliceDeath(2, 1, new DateOnly(2023, 5, 12));
        var first = await ImportAsync(SourceKind.PoliceDeaths, "may.csv", June, death, TestRecords.PoliceDeath(3, 2, new DateOnly(2023, 5, 20)));
        var second = await ImportAsync(SourceKind.PoliceDeaths, "june.csv", July, death with { Row = 7 }, TestRecords.PoliceDeath(8, 3, new DateOnly(2023, 6, 2)));
        // Same person in the health certificates: another record, not a duplicate.
        var health = await ImportAsync(SourceKind.HealthDeaths, "h.csv", July, TestRecords.HealthDeath(2, 1, new DateOnly(2023, 5, 12)));
        // Same person, different death date: not identical.
        var corrected = await ImportAsync(SourceKind.PoliceDeaths, "fix.csv", July, death with { Row = 2, DeathDate = new DateOnly(2023, 5, 11) });

        var set = await LoadAsync(July);

        Assert.Equal(5, set.Deaths.Count);
        var person1 = set.Deaths.Where(d => d.Id.Text == TestRecords.IdNumber(1)).ToList();
        Assert.Equal([(first, 2, SourceKind.PoliceDeaths), (health, 2, SourceKind.HealthDeaths), (corrected, 2, SourceKind.PoliceDeaths)],
            person1.Select(d => (d.ExtractId, d.Row, d.Kind)));
        Assert.Contains(set.Deaths, d => d.ExtractId == second && d.Row == 8);
        Assert.Equal(2, (await LoadAsync(June)).Deaths.Count);
    }

    [Fact]
    public async Task LoadAsync_IdenticalMedicalSettlements_CountedOnce()
    {
        await KnownAsync(1, 2, 3, 4);
        var settlement = TestRecords.Medical(2, 1, 3000m);
        await ImportAsync(SourceKind.Medical, "a.csv", June, settlement, TestRecords.Medical(3, 1, 3000m, new DateOnly(2023, 6, 20)));
        await ImportAsync(SourceKind.Medical, "b.csv", July, settlement with { Row = 9 }, settlement with { Row = 10, OutOfPocket = 3000.00m });

        var set = await LoadAsync(July);

        Assert.Equal(2, set.Medical.Count);
        Assert.Equal(6000m, set.Medical.Sum(m => m.OutOfPocket));
    }

    [Fact]
    public async Task LoadAsync_RecordsDifferingOnlyInAFreeTextColumn_AreAllKept()
    {
        await KnownAsync(1, 2, 3, 4);
        var death = TestRecords.PoliceDeath(2, 1, new DateOnly(2023, 5, 12)) with { Reporter = "甲", Place = "家中" };
        var settlement = TestRecords.Medical(2, 1, 100m) with { Institution = "县人民医院", VisitType = "住院" };
        await ImportAsync(SourceKind.PoliceDeaths, "p.csv", July, death, death with { Row = 3, Reporter = "乙" }, death with { Row = 4, Place = null }, death with { Row = 5 });
        await ImportAsync(SourceKind.Medical, "m.csv", July, settlement, settlement with { Row = 3, Institution = "县中医院" },
            settlement with { Row = 4, VisitType = null }, settlement with { Row = 5, CriticalPaid = 1m }, settlement with { Row = 6 });

        var set = await LoadAsync(July);

        Assert.Equal([2, 3, 4], set.Deaths.Select(d => d.Row));
        Assert.Equal([2, 3, 4, 5], set.Medical.Select(m => m.Row));
    }

    [Fact]
    public async Task LoadAsync_RepeatedTexts_ShareOneInstancePerTable()
    {
        var a = TestRecords.Roster(2, 1);
        var b = TestRecords.Roster(3, 2) with { HouseholdId = a.HouseholdId, Township = a.Township, Village = a.Village };
        await ImportAsync(SourceKind.Roster, "r.csv", July, a, b, a with { Row = 4 });

        var set = await LoadAsync(July);

        Assert.Equal(3, set.Roster.Count);
        Assert.Same(set.Roster[0].HouseholdId, set.Roster[1].HouseholdId);
        Assert.Same(set.Roster[0].Township, set.Roster[1].Township);
        Assert.Same(set.Roster[0].Id.Text, set.Roster[2].Id.Text);
        Assert.Same(set.Roster[0].Name, set.Roster[2].Name);
        Assert.Equal(a with { ExtractId = set.Roster[2].ExtractId, Row = 4 }, set.Roster[2]);
    }

    [Fact]
    public async Task LoadAsync_Histories_LeaveOutExtractsStampedAfterP()
    {
        await KnownAsync(1, 2, 3, 4);
        await ImportAsync(SourceKind.Medical, "july.csv", July, TestRecords.Medical(2, 1, 10m));
        await ImportAsync(SourceKind.Medical, "august.csv", August, TestRecords.Medical(2, 2, 20m));
        await ImportAsync(SourceKind.HealthDeaths, "august.csv", August, TestRecords.HealthDeath(2, 3, new DateOnly(2023, 7, 30)));

        var july = await LoadAsync(July);

        Assert.Equal([10m], july.Medical.Select(m => m.OutOfPocket));
        Assert.Empty(july.Deaths);
        Assert.Equal(2, (await LoadAsync(August)).Medical.Count);
    }

    [Fact]
    public async Task LoadAsync_Disability_LatestStampedFileWinsPerPerson()
    {
        await KnownAsync(1, 2, 3, 4);
        var june = await ImportAsync(SourceKind.Disability, "june.csv", June,
            TestRecords.Disability(2, 1, 3),
            TestRecords.Disability(3, 2, 1),
            TestRecords.Disability(4, 4, 4) with { Id = ResidentIdParser.Parse("45032619800101123X") });
        var august = await ImportAsync(SourceKind.Disability, "august.csv", August,
            TestRecords.Disability(2, 1, 1),
            TestRecords.Disability(3, 1, 2, DisabilityCategory.Hearing),
            TestRecords.Disability(4, 4, 2) with { Id = ResidentIdParser.Parse("45032619800101123X") });
        // Imported later but stamped earlier: does not beat August.
        var lateJuly = await ImportAsync(SourceKind.Disability, "late-july.csv", July, TestRecords.Disability(2, 1, 4) with { CertificateStatus = "注销" });

        var augustSet = await LoadAsync(August);
        Assert.Equal([(june, 3), (august, 2), (august, 3), (august, 4)], augustSet.Disability.Select(d => (d.ExtractId, d.Row)));
        Assert.Equal([1, 1, 2, 2], augustSet.Disability.Select(d => d.Level));

        var julySet = await LoadAsync(July);
        Assert.Equal([(june, 3), (june, 4), (lateJuly, 2)], julySet.Disability.Select(d => (d.ExtractId, d.Row)));
        Assert.False(julySet.Disability.Single(d => d.ExtractId == lateJuly).IsValid);
    }

    [Fact]
    public async Task LoadAsync_NothingImported_IsEmpty()
    {
        var set = await LoadAsync(July);

        Assert.Empty(set.Roster);
        Assert.Empty(set.Deaths);
        Assert.Empty(set.Disability);
        Assert.Empty(set.Medical);
        Assert.Empty(set.Monitoring);
        Assert.Empty(set.Extracts);
    }

    [Fact]
    public async Task LoadAsync_ValidIdOfNoKnownPerson_LeftOutAndInvalidIdsKept()
    {
        await ImportAsync(SourceKind.Roster, "r.csv", July, TestRecords.Roster(2, 1));
        var invalid = TestRecords.Medical(4, 3, 30m) with { Id = ResidentIdParser.Parse("450326198001011234") };
        await ImportAsync(SourceKind.Medical, "m.csv", July, TestRecords.Medical(2, 1, 10m), TestRecords.Medical(3, 2, 20m), invalid);
        await ImportAsync(SourceKind.HealthDeaths, "h.csv", July, TestRecords.HealthDeath(2, 2, new DateOnly(2023, 7, 1)),
            TestRecords.HealthDeath(3, 3, new DateOnly(2023, 7, 2)) with { Id = ParsedId.Missing });

        var set = await LoadAsync(July);

        // Person 2 is on no roster and monitored by nobody: no rule can use a record under that valid ID.
        Assert.Equal([10m, 30m], set.Medical.Select(m => m.OutOfPocket));
        Assert.Equal([3], set.Deaths.Select(d => d.Row));
    }

    [Fact]
    public async Task LoadAsync_GeneratedCountyOfTwoMonths_FromMemoryIsTheSetFromStorage()
    {
        // The messy mix (GB18030, spreadsheets, title rows, repaired and 15-digit IDs) and every declared source of the
        // sample: June stored earlier, July imported now and kept. July sees June's histories beside its own files,
        // the newer of two disability files per person, July's roster snapshot and not June's.
        var june = TempFolder.Create("parsed-june");
        var july = TempFolder.Create("parsed-july");
        try
        {
            SampleGenerator.Write(june, new SampleOptions(1_000, Period: June));
            SampleGenerator.Write(july, new SampleOptions(1_000, Period: July));
            await new ExtractImporter(_db.DataSource, new FakeTimeProvider(), readerOptions: ReliefMatch.Tests.Readers.TestExtracts.Options).ImportFolderAsync(june, June);
            var imported = await new ExtractImporter(_db.DataSource, new FakeTimeProvider(), readerOptions: ReliefMatch.Tests.Readers.TestExtracts.Options) { Parsed = _parsed }.ImportFolderAsync(july, July);
            Assert.Equal(imported.Count(f => f.RefusedReason is null), _parsed.Count);

            foreach (var part in new[] { IdPartition.Whole, new IdPartition(0, 2), new IdPartition(1, 2) })
            {
                var stored = await new ExtractSetLoader(_db.DataSource).LoadAsync(July, part);
                var fromMemory = await new ExtractSetLoader(_db.DataSource, parsed: _parsed).LoadAsync(July, part);

                ExtractSetDescription.AssertSame(stored, fromMemory);
                Assert.NotEmpty(fromMemory.Declared);
                Assert.Contains(fromMemory.Medical, m => fromMemory.Extracts[m.ExtractId].Period == "2023-06");
                Assert.Contains(fromMemory.Disability, d => fromMemory.Extracts[d.ExtractId].Period == "2023-06");
                Assert.All(fromMemory.Roster, r => Assert.Equal("2023-07", fromMemory.Extracts[r.ExtractId].Period));
            }
        }
        finally
        {
            TempFolder.Delete(june);
            TempFolder.Delete(july);
        }
    }

    [Fact]
    public async Task LoadAsync_StoredAndParsedExtractsMixed_SamePolicyAcrossBoth()
    {
        var settlement = TestRecords.Medical(2, 1, 3000m);
        var death = TestRecords.PoliceDeath(2, 1, new DateOnly(2023, 5, 12));
        await StoreAsync(null, SourceKind.Monitoring, "known.csv", June, TestRecords.Monitoring(2, 1), TestRecords.Monitoring(3, 2), TestRecords.Monitoring(4, 3));
        await StoreAsync(null, SourceKind.Medical, "june.csv", June, settlement, TestRecords.Medical(3, 2, 10m));
        await StoreAsync(null, SourceKind.PoliceDeaths, "june.csv", June, death);
        await StoreAsync(null, SourceKind.Disability, "june.csv", June, TestRecords.Disability(2, 1, 3), TestRecords.Disability(3, 2, 1));
        // Now: the same settlement and death again (counted once, from June's file), person 2's newer certificate,
        // a settlement of a person nobody holds (left out) and one without a valid ID (kept).
        await StoreAsync(_parsed, SourceKind.Medical, "july.csv", July, settlement with { Row = 9 }, TestRecords.Medical(3, 9, 20m),
            TestRecords.Medical(4, 3, 30m) with { Id = ResidentIdParser.Parse("450326198001011234") });
        await StoreAsync(_parsed, SourceKind.PoliceDeaths, "july.csv", July, death with { Row = 5 });
        await StoreAsync(_parsed, SourceKind.Disability, "july.csv", July, TestRecords.Disability(2, 1, 1));

        var stored = await new ExtractSetLoader(_db.DataSource).LoadAsync(July);
        var fromMemory = await new ExtractSetLoader(_db.DataSource, parsed: _parsed).LoadAsync(July);

        ExtractSetDescription.AssertSame(stored, fromMemory);
        Assert.Equal([3000m, 10m, 30m], fromMemory.Medical.Select(m => m.OutOfPocket));
        Assert.Equal([("2023-06", 2)], fromMemory.Deaths.Select(d => (fromMemory.Extracts[d.ExtractId].Period, d.Row)));
        Assert.Equal([("2023-06", 3), ("2023-07", 2)], fromMemory.Disability.Select(d => (fromMemory.Extracts[d.ExtractId].Period, d.Row)));
    }

    [Fact]
    public async Task LoadAsync_ParsedExtract_NotReadBackFromStorage()
    {
        await StoreAsync(_parsed, SourceKind.Roster, "r.csv", July, TestRecords.Roster(2, 1), TestRecords.Roster(3, 2));
        await using (var delete = _db.DataSource.CreateCommand("DELETE FROM reliefmatch.roster_records"))
        {
            await delete.ExecuteNonQueryAsync();
        }

        Assert.Empty((await new ExtractSetLoader(_db.DataSource).LoadAsync(July)).Roster);
        Assert.Equal([2, 3], (await new ExtractSetLoader(_db.DataSource, parsed: _parsed).LoadAsync(July)).Roster.Select(r => r.Row));
    }

    [Fact]
    public async Task ImportFileAsync_RefusedFailedOrAlreadyStoredFile_KeepsNothing()
    {
        var refused = _inbox.Add(SourceKind.Roster, "bad.xlsx", "unreadable", () => new TestExtract(
            TestExtract.FailingAfter([TestRecords.Roster(2, 1)], new ExtractRefusedException("roster/bad.xlsx", "文件已损坏 (not a readable XLSX)", []))));
        var failing = _inbox.Add(SourceKind.Medical, "broken.csv", "broken", () => new TestExtract(
            TestExtract.FailingAfter([TestRecords.Medical(2, 1, 5m)], new InvalidOperationException("the reader broke"))));
        await StoreAsync(null, SourceKind.Monitoring, "earlier.csv", June, TestRecords.Monitoring(2, 1));

        Assert.NotNull((await Importer(_parsed).ImportFileAsync(refused, SourceKind.Roster, July)).RefusedReason);
        await Assert.ThrowsAsync<ExtractUnreadableException>(() => Importer(_parsed).ImportFileAsync(failing, SourceKind.Medical, July));
        Assert.True((await StoreAsync(_parsed, SourceKind.Monitoring, "earlier.csv", June, TestRecords.Monitoring(2, 1))).AlreadyImported);

        Assert.Equal(0, _parsed.Count);
    }

    [Fact]
    public async Task ImportFileAsync_SnapshotsOnly_KeepsTheSnapshotsAndTheLoadReadsTheRestBack()
    {
        var snapshots = new ParsedRecords(ParsedRecords.Snapshots);
        var roster = await StoreAsync(snapshots, SourceKind.Roster, "r.csv", July, TestRecords.Roster(2, 1));
        await StoreAsync(snapshots, SourceKind.Medical, "m.csv", July, TestRecords.Medical(2, 1, 10m));

        var stored = await new ExtractSetLoader(_db.DataSource).LoadAsync(July);
        var fromMemory = await new ExtractSetLoader(_db.DataSource, parsed: snapshots).LoadAsync(July);

        Assert.Equal(1, snapshots.Count);
        ExtractSetDescription.AssertSame(stored, fromMemory);
        Assert.Equal([10m], fromMemory.Medical.Select(m => m.OutOfPocket));
        Assert.Equal(roster.Sha256, fromMemory.Extracts[fromMemory.Roster[0].ExtractId].Sha256);
    }
}
