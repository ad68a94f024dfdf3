using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Findings;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Findings;

[Collection(PostgresCollection.Name)]
public sealed class FindingStoreTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly ReportingMonth July = new(2023, 7);
    private static readonly ReportingMonth August = new(2023, 8);
    private static readonly ReportingMonth September = new(2023, 9);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 8, 3, 2, 0, 0, TimeSpan.Zero));
    private Database _db = null!;
    private FindingStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await postgres.NewDatabaseAsync();
        _store = new FindingStore(_db.DataSource, _time);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static Finding Deceased(int person, string deathDate = "2023-05-12", long extractId = 1) => new()
    {
        RuleId = "deceased-recipient",
        RuleVersion = 1,
        IdNumber = TestRecords.IdNumber(person),
        HouseholdId = "H" + person,
        Name = "张" + person,
        Township = "永福镇",
        Village = "城北村",
        Programmes = [Programme.RuralDibao],
        Confidence = Confidence.Exact,
        Evidence = [new Evidence(SourceKind.PoliceDeaths, extractId, 7, $"公安户籍注销：{deathDate} 死亡")],
        FeedsDataWarning = true,
        SuggestedAction = "核实后停保",
        DueDays = 15,
    };

    [Fact]
    public async Task SaveRunAsync_NewFinding_IsOpenAndFirstSeenInThePeriod()
    {
        var saved = await _store.SaveRunAsync(July, [Deceased(1), Deceased(2)]);

        Assert.All(saved, s => Assert.Equal((July, July, FindingStatus.Open), (s.FirstSeen, s.LastSeen, s.Status)));
        Assert.True(saved[0].FirstRaisedIn(July));
        Assert.Equal(TestRecords.IdNumber(1), saved[0].Finding.IdNumber);
        var stored = await StorageTestDb.DumpAsync(_db.DataSource,
            "SELECT key, rule_id, programmes, confidence, evidence, feeds_data_warning, status FROM reliefmatch.findings WHERE key = '" + Deceased(1).Key + "'");
        Assert.Equal($"({Deceased(1).Key},deceased-recipient,{{rural-dibao}},exact," +
                     "\"[{\"\"row\"\": 7, \"\"text\"\": \"\"公安户籍注销：2023-05-12 死亡\"\", \"\"source\"\": \"\"police-deaths\"\", \"\"extract_id\"\": 1}]\",t,open)", stored);
        Assert.Equal("(2023-07,succeeded,2,2,0,0)", await StorageTestDb.DumpAsync(_db.DataSource, "SELECT period, status, findings, new_findings, dismissed, closed FROM reliefmatch.runs"));
    }

    [Fact]
    public async Task SaveRunAsync_EvidenceOfADeclaredSourceWithAmountAndMonths_ReadBackAsValuesAndExplained()
    {
        var overpaid = new Evidence(SourceRef.Of("payments"), 3, 12, "惠民惠农一卡通发放：2023-05-12 死亡后仍发放 2023-06、2023-07，共2个月，合计 600.00 元，应予追回")
        {
            Amount = 600.00m,
            Months = [new ReportingMonth(2023, 6), new ReportingMonth(2023, 7)],
        };
        var finding = Deceased(1) with { RuleId = "paid-after-death", Evidence = [Deceased(1).Evidence[0], overpaid] };
        await _store.SaveRunAsync(July, [finding]);

        await using var cmd = _db.DataSource.CreateCommand("SELECT evidence::text FROM reliefmatch.findings");
        var read = StoredEvidence.Parse((string)(await cmd.ExecuteScalarAsync())!);
        Assert.Equal(["police-deaths", "payments"], read.Select(e => e.Source.Id));
        Assert.Null(read[0].Amount);
        Assert.Equal((600.00m, (3L, 12)), (read[1].Amount, (read[1].ExtractId, read[1].Row)));
        Assert.Equal([new ReportingMonth(2023, 6), new ReportingMonth(2023, 7)], read[1].Months);
        var explained = Assert.Single(await new FindingExplainer(_db.DataSource).FindAsync(finding.Reference));
        Assert.Equal(("payments", 12), (explained.Evidence[1].Source, explained.Evidence[1].Row));
    }

    [Fact]
    public async Task SaveRunAsync_FoundAgainNextMonth_KeepsFirstSeen()
    {
        await _store.SaveRunAsync(July, [Deceased(1)]);

        var august = await _store.SaveRunAsync(August, [Deceased(1), Deceased(2)]);

        Assert.Equal((July, August, FindingStatus.Open), (august[0].FirstSeen, august[0].LastSeen, august[0].Status));
        Assert.False(august[0].FirstRaisedIn(August));
        Assert.Equal((August, August), (august[1].FirstSeen, august[1].LastSeen));
        Assert.Equal("(2023-08,2,1)", await StorageTestDb.DumpAsync(_db.DataSource, "SELECT period, findings, new_findings FROM reliefmatch.runs WHERE period = '2023-08'"));
    }

    [Fact]
    public async Task SaveRunAsync_NewKeysBesideStoredOnes_RaisedInRunOrderWithTheRunsTimeAndPeriodRows()
    {
        await _store.SaveRunAsync(July, [Deceased(1)]);
        // A time with microseconds: the raised events carry the run's instant exactly.
        _time.Advance(TimeSpan.FromDays(31) + TimeSpan.FromMicroseconds(123_456));

        var august = await _store.SaveRunAsync(August, [Deceased(5), Deceased(1), Deceased(3)]);

        Assert.Equal([(August, FindingStatus.Open), (July, FindingStatus.Open), (August, FindingStatus.Open)], august.Select(s => (s.FirstSeen, s.Status)));
        await using (var cmd = _db.DataSource.CreateCommand(
            "SELECT string_agg(key || ' ' || event || ' ' || to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'), '; ' ORDER BY id) FROM reliefmatch.finding_events WHERE period = '2023-08'"))
        {
            Assert.Equal($"{Deceased(5).Key} raised 2023-09-03 02:00:00.123456; {Deceased(3).Key} raised 2023-09-03 02:00:00.123456", await cmd.ExecuteScalarAsync());
        }
        Assert.Equal(3, await StorageTestDb.CountAsync(_db.DataSource, "finding_periods p",
            "p.period = '2023-08' AND p.rule_version = 1 AND p.evidence_fingerprint = (SELECT f.evidence_fingerprint FROM reliefmatch.findings f WHERE f.key = p.key)"));
        var raised = await StorageTestDb.DumpAsync(_db.DataSource,
            $"SELECT first_seen, last_seen, status, closed_in, last_run_id = (SELECT max(id) FROM reliefmatch.runs), content_fingerprint IS NOT NULL FROM reliefmatch.findings WHERE key = '{Deceased(5).Key}'");
        Assert.Equal("(2023-08,2023-08,open,,t,t)", raised);
        Assert.Equal("(2023-08,3,2,3)", await StorageTestDb.DumpAsync(_db.DataSource, "SELECT period, findings, new_findings, findings_written FROM reliefmatch.runs WHERE period = '2023-08'"));

        // Saved again, nothing differs: the keys copied in are recognised as stored and written unchanged.
        await _store.SaveRunAsync(August, [Deceased(5), Deceased(1), Deceased(3)]);
        Assert.Equal("(3,0)", await StorageTestDb.DumpAsync(_db.DataSource, "SELECT findings, findings_written FROM reliefmatch.runs WHERE period = '2023-08' ORDER BY id DESC LIMIT 1"));
    }

    [Fact]
    public async Task SaveRunAsync_SamePeriodAgainWithSameFindings_ChangesNothing()
    {
        await _store.SaveRunAsync(July, [Deceased(1), Deceased(2)]);
        await _store.SaveRunAsync(August, [Deceased(1)]);
        const string state = "SELECT xmin, * FROM reliefmatch.findings";
        const string periods = "SELECT xmin, * FROM reliefmatch.finding_periods";
        const string events = "SELECT key, period, event FROM reliefmatch.finding_events";
        var before = (await StorageTestDb.DumpAsync(_db.DataSource, state), await StorageTestDb.DumpAsync(_db.DataSource, periods), await StorageTestDb.DumpAsync(_db.DataSource, events));

        var again = await _store.SaveRunAsync(August, [Deceased(1)]);

        Assert.Equal(before, (await StorageTestDb.DumpAsync(_db.DataSource, state), await StorageTestDb.DumpAsync(_db.DataSource, periods), await StorageTestDb.DumpAsync(_db.DataSource, events)));
        Assert.Equal((July, FindingStatus.Open), (again[0].FirstSeen, again[0].Status));
    }

    [Fact]
    public async Task SaveRunAsync_SamePeriodAgainWithOneFindingChanged_WritesOnlyThatFinding()
    {
        await _store.SaveRunAsync(July, [Deceased(1), Deceased(2), Deceased(3)]);
        var others = $"SELECT f.key, f.xmin, fp.xmin FROM reliefmatch.findings f JOIN reliefmatch.finding_periods fp ON fp.key = f.key WHERE f.key <> '{Deceased(2).Key}' ORDER BY f.key";
        var before = await StorageTestDb.DumpAsync(_db.DataSource, others);

        // One extract row changed: 张2's death record now comes from extract 9.
        var again = await _store.SaveRunAsync(July, [Deceased(1), Deceased(2, extractId: 9), Deceased(3)]);

        Assert.Equal(before, await StorageTestDb.DumpAsync(_db.DataSource, others));
        Assert.Equal(9, again[1].Finding.Evidence[0].ExtractId);
        Assert.Equal("(9)", await StorageTestDb.DumpAsync(_db.DataSource, $"SELECT evidence->0->>'extract_id' FROM reliefmatch.findings WHERE key = '{Deceased(2).Key}'"));
        Assert.Equal("(3,1)\n(3,3)", await StorageTestDb.DumpAsync(_db.DataSource, "SELECT findings, findings_written FROM reliefmatch.runs ORDER BY id"));
        Assert.All(again, s => Assert.Equal((July, FindingStatus.Open), (s.FirstSeen, s.Status)));
    }

    [Fact]
    public async Task SaveRunAsync_SamePeriodAgainWithNothingChanged_WritesNothing()
    {
        await _store.SaveRunAsync(July, [Deceased(1), Deceased(2)]);
        await _store.SetDispositionAsync(Deceased(2).Key, FindingStatus.Dismissed, "本人健在", "永福镇 李四");
        const string state = "SELECT xmin, * FROM reliefmatch.findings ORDER BY key";
        const string periods = "SELECT xmin, * FROM reliefmatch.finding_periods ORDER BY key";
        var before = (await StorageTestDb.DumpAsync(_db.DataSource, state), await StorageTestDb.DumpAsync(_db.DataSource, periods), await StorageTestDb.CountAsync(_db.DataSource, "finding_events"));

        var again = await _store.SaveRunAsync(July, [Deceased(1), Deceased(2)]);

        Assert.Equal(before, (await StorageTestDb.DumpAsync(_db.DataSource, state), await StorageTestDb.DumpAsync(_db.DataSource, periods), await StorageTestDb.CountAsync(_db.DataSource, "finding_events")));
        Assert.Equal("(2,0,2,1)", await StorageTestDb.DumpAsync(_db.DataSource, "SELECT findings, findings_written, new_findings, dismissed FROM reliefmatch.runs ORDER BY id DESC LIMIT 1"));
        Assert.Equal([FindingStatus.Open, FindingStatus.Dismissed], again.Select(s => s.Status));
        Assert.Equal("本人健在", again[1].DispositionReason);
    }

    [Fact]
    public async Task SaveRunAsync_SamePeriodAgainWithoutOneFinding_ClosesItAndWritesNothingElse()
    {
        await _store.SaveRunAsync(July, [Deceased(1), Deceased(2)]);
        var first = $"SELECT xmin FROM reliefmatch.findings WHERE key = '{Deceased(1).Key}'";
        var before = await StorageTestDb.DumpAsync(_db.DataSource, first);

        var again = await _store.SaveRunAsync(July, [Deceased(1)]);

        Assert.Equal(before, await StorageTestDb.DumpAsync(_db.DataSource, first));
        Assert.Equal((July, FindingStatus.Open), (again[0].FirstSeen, again[0].Status));
        Assert.Equal($"({Deceased(2).Key},closed,2023-07)",
            await StorageTestDb.DumpAsync(_db.DataSource, $"SELECT key, status, closed_in FROM reliefmatch.findings WHERE key = '{Deceased(2).Key}'"));
        Assert.Equal($"({Deceased(1).Key})", await StorageTestDb.DumpAsync(_db.DataSource, "SELECT key FROM reliefmatch.finding_periods"));
        Assert.Equal("(1,0,1)", await StorageTestDb.DumpAsync(_db.DataSource, "SELECT findings, findings_written, closed FROM reliefmatch.runs ORDER BY id DESC LIMIT 1"));
    }

    [Fact]
    public async Task SaveRunAsync_EarlierFindingNotProducedNow_ClosedForThisPeriodAndKept()
    {
        await _store.SaveRunAsync(July, [Deceased(1), Deceased(2)]);

        await _store.SaveRunAsync(August, [Deceased(1)]);

        Assert.Equal($"({Deceased(2).Key},closed,2023-08,2023-07,2023-07)",
            await StorageTestDb.DumpAsync(_db.DataSource, $"SELECT key, status, closed_in, first_seen, last_seen FROM reliefmatch.findings WHERE key = '{Deceased(2).Key}'"));
        Assert.Equal("(2023-07)", await StorageTestDb.DumpAsync(_db.DataSource, $"SELECT period FROM reliefmatch.finding_periods WHERE key = '{Deceased(2).Key}'"));
        Assert.Equal(1, await StorageTestDb.CountAsync(_db.DataSource, "runs", "period = '2023-08' AND closed = 1"));

        // Produced again later: open again, first raised in July still.
        var september = await _store.SaveRunAsync(September, [Deceased(1), Deceased(2)]);
        Assert.Equal((July, September, FindingStatus.Open), (september[1].FirstSeen, september[1].LastSeen, september[1].Status));
    }

    [Fact]
    public async Task SaveRunAsync_EarlierMonthRunAgain_DoesNotCloseWhatLaterMonthsProduce()
    {
        await _store.SaveRunAsync(July, [Deceased(1)]);
        await _store.SaveRunAsync(August, [Deceased(1), Deceased(2)]);

        await _store.SaveRunAsync(July, []);

        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "findings", "status <> 'open'"));
        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "finding_periods", "period = '2023-07'"));
    }

    [Fact]
    public async Task SaveRunAsync_DismissedWithSameEvidence_StaysDismissed()
    {
        await _store.SaveRunAsync(July, [Deceased(1)]);
        Assert.True(await _store.SetDispositionAsync(Deceased(1).Key, FindingStatus.Dismissed, "同名同号，系户籍信息错误，本人健在", "永福镇 李四"));

        var august = await _store.SaveRunAsync(August, [Deceased(1, extractId: 9)]);

        Assert.Equal((July, August, FindingStatus.Dismissed), (august[0].FirstSeen, august[0].LastSeen, august[0].Status));
        Assert.Equal("同名同号，系户籍信息错误，本人健在", august[0].DispositionReason);
        Assert.Equal(1, await StorageTestDb.CountAsync(_db.DataSource, "runs", "period = '2023-08' AND dismissed = 1 AND new_findings = 0"));
    }

    [Fact]
    public async Task SaveRunAsync_DismissedAndEvidenceChanged_ReopenedAsNewInThePeriod()
    {
        await _store.SaveRunAsync(July, [Deceased(1)]);
        await _store.SetDispositionAsync(Deceased(1).Key, FindingStatus.Dismissed, "本人健在", "永福镇 李四");

        var august = await _store.SaveRunAsync(August, [Deceased(1, deathDate: "2023-07-28")]);

        Assert.Equal((August, FindingStatus.Open), (august[0].FirstSeen, august[0].Status));
        Assert.True(august[0].FirstRaisedIn(August));
        Assert.Null(august[0].DispositionReason);
        Assert.Equal("(dismissed,)\n(raised,2023-07)\n(reopened,2023-08)",
            await StorageTestDb.DumpAsync(_db.DataSource, "SELECT event, period FROM reliefmatch.finding_events ORDER BY id"));
    }

    [Fact]
    public async Task SaveRunAsync_ConfirmedFinding_KeepsItsStatus()
    {
        await _store.SaveRunAsync(July, [Deceased(1)]);
        await _store.SetDispositionAsync(Deceased(1).Key, FindingStatus.Confirmed, "已核实死亡，8月停保", "永福镇 李四");

        var august = await _store.SaveRunAsync(August, [Deceased(1)]);

        Assert.Equal((July, FindingStatus.Confirmed), (august[0].FirstSeen, august[0].Status));
    }

    [Fact]
    public async Task SaveRunAsync_SamePeriodByTwoProcessesAtOnce_OneConsistentResult()
    {
        var findings = Enumerable.Range(1, 300).Select(i => Deceased(i)).ToList();
        var other = new FindingStore(_db.DataSource, _time);

        var results = await Task.WhenAll(_store.SaveRunAsync(July, findings), other.SaveRunAsync(July, findings));

        Assert.All(results, r => Assert.All(r, s => Assert.Equal((July, FindingStatus.Open), (s.FirstSeen, s.Status))));
        Assert.Equal(300, await StorageTestDb.CountAsync(_db.DataSource, "findings"));
        Assert.Equal(300, await StorageTestDb.CountAsync(_db.DataSource, "finding_events", "event = 'raised'"));
        Assert.Equal(300, await StorageTestDb.CountAsync(_db.DataSource, "finding_periods"));
    }

    [Fact]
    public async Task LockPeriodAsync_SecondRunOfSamePeriod_WaitsForTheFirst()
    {
        var first = await _store.LockPeriodAsync(July);
        var second = _store.LockPeriodAsync(July);
        var otherMonth = await _store.LockPeriodAsync(August);

        await Task.Delay(300);
        Assert.False(second.IsCompleted);
        await first.DisposeAsync();
        await (await second.WaitAsync(TimeSpan.FromSeconds(30))).DisposeAsync();
        await otherMonth.DisposeAsync();
    }

    [Fact]
    public async Task StartRunAsync_ThenFailRunAsync_RecordsTheFailure()
    {
        var run = await _store.StartRunAsync(July);
        _time.Advance(TimeSpan.FromMinutes(3));

        await _store.FailRunAsync(run, "rule file rules/deceased.yaml line 4: unknown field");

        Assert.Equal("(failed,\"rule file rules/deceased.yaml line 4: unknown field\",t)",
            await StorageTestDb.DumpAsync(_db.DataSource, "SELECT status, error, finished_at - started_at = interval '3 minutes' FROM reliefmatch.runs"));
    }

    [Fact]
    public async Task SaveRunAsync_TwoFindingsWithOneKey_IsRefused()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => _store.SaveRunAsync(July, [Deceased(1), Deceased(1)]));

        Assert.Contains(Deceased(1).Key, e.Message, StringComparison.Ordinal);
        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "runs"));
    }

    [Fact]
    public async Task SetDispositionAsync_UnknownKey_ReturnsFalse()
    {
        Assert.False(await _store.SetDispositionAsync("no|such|key|", FindingStatus.Dismissed, "x", "y"));
    }

    [Fact]
    public async Task History_rows_refer_to_stored_findings_and_runs_through_every_kind_of_change()
    {
        // The history tables carry no foreign keys (checking them row by row was a third of a province save):
        // the store itself must keep them consistent through raising, closing, reappearing, reopening and dispositions.
        await _store.SaveRunAsync(July, [Deceased(1), Deceased(2), Deceased(3)]);
        await _store.SetDispositionAsync(Deceased(1).Key, FindingStatus.Dismissed, "本人健在", "永福镇 李四");
        await _store.SetDispositionAsync(Deceased(3).Key, FindingStatus.Confirmed, "已核实", "永福镇 李四");
        await _store.SaveRunAsync(August, [Deceased(1, deathDate: "2023-07-28"), Deceased(3)]);
        await _store.SaveRunAsync(September, [Deceased(2), Deceased(4)]);
        await _store.SaveRunAsync(July, [Deceased(1)]);

        Assert.True(await StorageTestDb.CountAsync(_db.DataSource, "finding_events") >= 9);
        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "finding_events e",
            "NOT EXISTS (SELECT 1 FROM reliefmatch.findings f WHERE f.key = e.key) OR (e.run_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM reliefmatch.runs r WHERE r.id = e.run_id))"));
        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "finding_periods p",
            "NOT EXISTS (SELECT 1 FROM reliefmatch.findings f WHERE f.key = p.key) OR NOT EXISTS (SELECT 1 FROM reliefmatch.runs r WHERE r.id = p.run_id)"));
        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "findings f",
            "f.last_run_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM reliefmatch.runs r WHERE r.id = f.last_run_id)"));
    }
}
