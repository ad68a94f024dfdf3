using System.Diagnostics;
using ReliefMatch.Host.Jobs;
using ReliefMatch.Storage.Jobs;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;
using Xunit.Abstractions;

namespace ReliefMatch.Tests.Host.Jobs;

[Collection(PostgresCollection.Name)]
public sealed class ImportInboxJobTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static string[] Lines() =>
    [
        RosterCsv.Line("永福镇", "H1", "张一", TestRecords.IdNumber(1), "2023-07-03"),
        RosterCsv.Line("罗锦镇", "H2", "李二", TestRecords.IdNumber(2), "2022-01-05"),
    ];

    [Fact]
    public async Task EnqueueImport_AfterAnUpload_ImportedWithinSecondsAndMovedOutOfTheInbox()
    {
        // The installation's own poll interval (1 s), not the shortened one of the other tests.
        await using var h = await JobsHarness.StartAsync(postgres, o => o with { QueuePollInterval = TimeSpan.FromSeconds(1) });
        h.StartServer("a");
        await Task.Delay(TimeSpan.FromSeconds(1));   // the server is up and idle, as it would be when a file arrives
        RosterCsv.Write(Path.Combine(h.Options.EffectiveInbox, "roster", "花名册202307.csv"), Lines());

        var clock = Stopwatch.StartNew();
        var jobId = h.Scheduler.EnqueueImport("2023-07");
        Assert.Equal("Succeeded", await h.WaitForSuccessAsync(jobId));
        var elapsed = clock.Elapsed;
        output.WriteLine($"upload to imported: {elapsed.TotalMilliseconds:F0} ms");

        Assert.True(elapsed < TimeSpan.FromSeconds(4), $"took {elapsed}");
        Assert.Equal(1, await StorageTestDb.CountAsync(h.Database.DataSource, "extracts", "period = '2023-07' AND accepted = 2"));
        Assert.Empty(Directory.EnumerateFiles(h.Options.EffectiveInbox, "*", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(h.Home, "imported", "2023-07", "roster", "花名册202307.csv")));
        var run = Assert.Single(await JobQueries.RunsAsync(h, JobNames.ImportInbox));
        Assert.Equal(("2023-07", JobOutcome.Succeeded, "数据月份 2023-07：新导入 1 个文件，已导入过 0 个，拒收 0 个"), (run.Key, run.Outcome, run.Detail));
    }

    [Fact]
    public async Task EnqueueImport_SameFileDroppedAgainAndARefusedFile_NothingImportedTwiceAndTheRefusalNamed()
    {
        await using var h = await JobsHarness.StartAsync(postgres);
        h.StartServer("a");
        var inbox = Path.Combine(h.Options.EffectiveInbox, "roster");
        RosterCsv.Write(Path.Combine(inbox, "roster.csv"), Lines());
        Assert.Equal("Succeeded", await h.WaitForSuccessAsync(h.Scheduler.EnqueueImport("2023-07")));

        RosterCsv.Write(Path.Combine(inbox, "roster.csv"), Lines());
        File.WriteAllText(Path.Combine(inbox, "wrong.csv"), "姓名,备注\n张三,x\n");
        File.WriteAllText(Path.Combine(inbox, ".upload-in-progress.csv"), "half a file");
        Assert.Equal("Succeeded", await h.WaitForSuccessAsync(h.Scheduler.EnqueueImport("2023-07")));

        Assert.Equal(1, await StorageTestDb.CountAsync(h.Database.DataSource, "extracts"));
        Assert.True(File.Exists(Path.Combine(h.Home, "imported", "2023-07", "roster", "roster (2).csv")));
        Assert.True(File.Exists(Path.Combine(h.Home, "refused", "2023-07", "roster", "wrong.csv")));
        Assert.Equal([".upload-in-progress.csv"], Directory.EnumerateFiles(inbox).Select(Path.GetFileName));
        var second = (await JobQueries.RunsAsync(h, JobNames.ImportInbox))[1];
        Assert.StartsWith("数据月份 2023-07：新导入 0 个文件，已导入过 1 个，拒收 1 个；拒收：roster/wrong.csv：", second.Detail);
    }

    [Fact]
    public async Task EnqueueImport_ADamagedWorkbookFirst_RefusedAndTheFilesAfterItImported()
    {
        await using var h = await JobsHarness.StartAsync(postgres);
        h.StartServer("a");
        File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(Path.Combine(h.Options.EffectiveInbox, "roster")).FullName, "a-damaged.xlsx"),
            [0x50, 0x4B, 0x03, 0x04, 0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0x01]);
        RosterCsv.Write(Path.Combine(h.Options.EffectiveInbox, "roster", "b-good.csv"), Lines());

        Assert.Equal("Succeeded", await h.WaitForSuccessAsync(h.Scheduler.EnqueueImport("2023-07")));

        Assert.Equal(1, await StorageTestDb.CountAsync(h.Database.DataSource, "extracts", "file = 'roster/b-good.csv'"));
        Assert.True(File.Exists(Path.Combine(h.Home, "refused", "2023-07", "roster", "a-damaged.xlsx")));
        var run = Assert.Single(await JobQueries.RunsAsync(h, JobNames.ImportInbox));
        Assert.StartsWith("数据月份 2023-07：新导入 1 个文件，已导入过 0 个，拒收 1 个；拒收：roster/a-damaged.xlsx：", run.Detail);
    }

    [Fact]
    public async Task EnqueueImport_AFileWithAnIdInItsHeaderRows_RefusedWithTheIdMaskedInTheRecordAndTheLog()
    {
        var id = TestRecords.IdNumber(41);
        using var log = new RecordingLog();
        await using var h = await JobsHarness.StartAsync(postgres, log: log);
        h.StartServer("a");
        var inbox = Directory.CreateDirectory(Path.Combine(h.Options.EffectiveInbox, "roster")).FullName;
        File.WriteAllText(Path.Combine(inbox, "a-wrong.csv"), $"永福县低保花名册 经办人 {id}\n乡镇,姓名,身份证号,{id}\n罗锦镇,张三,{TestRecords.IdNumber(1)},x\n");
        RosterCsv.Write(Path.Combine(inbox, "b-good.csv"), Lines());

        Assert.Equal("Succeeded", await h.WaitForSuccessAsync(h.Scheduler.EnqueueImport("2023-07")));

        var run = Assert.Single(await JobQueries.RunsAsync(h, JobNames.ImportInbox));
        Assert.StartsWith("数据月份 2023-07：新导入 1 个文件，已导入过 0 个，拒收 1 个；拒收：roster/a-wrong.csv：", run.Detail);
        Assert.Contains(ReliefMatch.Core.Identity.ResidentId.Mask(id), run.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(id, run.Detail, StringComparison.Ordinal);
        Assert.Contains(log.Lines, l => l.Contains(ReliefMatch.Core.Identity.ResidentId.Mask(id), StringComparison.Ordinal));
        Assert.DoesNotContain(log.Lines, l => l.Contains(id, StringComparison.Ordinal) || l.Contains(TestRecords.IdNumber(1), StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_NoPeriod_EachFileStampedWithItsOwnMonthAndOneStatingNoneWaitsInTheInbox()
    {
        var now = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2023, 7, 31, 16, 30, 0, TimeSpan.Zero)); // 00:30 on 1 August in Beijing
        await using var h = await JobsHarness.StartAsync(postgres, time: now);
        var inbox = Path.Combine(h.Options.EffectiveInbox, "roster");
        RosterCsv.Write(Path.Combine(inbox, "花名册_202307.csv"), Lines());
        RosterCsv.Write(Path.Combine(inbox, "roster.csv"), [RosterCsv.Line("永福镇", "H3", "王三", TestRecords.IdNumber(3), "2023-07-03")]);
        var job = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ImportInboxJob>(h.Services);

        await job.RunAsync(null, null, CancellationToken.None);

        // July's file is July's, though the job ran in August; the file that states no month is neither imported nor refused.
        Assert.Equal(1, await StorageTestDb.CountAsync(h.Database.DataSource, "extracts"));
        Assert.Equal(1, await StorageTestDb.CountAsync(h.Database.DataSource, "extracts", "period = '2023-07' AND file = 'roster/花名册_202307.csv'"));
        Assert.True(File.Exists(Path.Combine(h.Home, "imported", "2023-07", "roster", "花名册_202307.csv")));
        Assert.Equal(["roster.csv"], Directory.EnumerateFiles(inbox).Select(Path.GetFileName));
        Assert.Equal("(roster/roster.csv,roster)", await StorageTestDb.DumpAsync(h.Database.DataSource, "SELECT file, source FROM reliefmatch.pending_files"));
        var run = Assert.Single(await JobQueries.RunsAsync(h, JobNames.ImportInbox));
        Assert.Equal(("2023-08", "数据月份 2023-07：新导入 1 个文件，已导入过 0 个，拒收 0 个，1 个文件待确认月份"), (run.Key, run.Detail));

        // The next execution passes over the waiting file: still one listing, still in the inbox, nothing imported.
        await job.RunAsync(null, null, CancellationToken.None);

        Assert.Equal(1, await StorageTestDb.CountAsync(h.Database.DataSource, "pending_files"));
        Assert.Equal(1, await StorageTestDb.CountAsync(h.Database.DataSource, "extracts"));
        Assert.Equal(["roster.csv"], Directory.EnumerateFiles(inbox).Select(Path.GetFileName));
    }

    [Fact]
    public async Task RunAsync_PeriodGiven_ItWinsOverTheMonthTheNameStates()
    {
        await using var h = await JobsHarness.StartAsync(postgres);
        RosterCsv.Write(Path.Combine(h.Options.EffectiveInbox, "roster", "花名册_202306.csv"), Lines());

        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ImportInboxJob>(h.Services)
            .RunAsync("2023-07", null, CancellationToken.None);

        Assert.Equal(1, await StorageTestDb.CountAsync(h.Database.DataSource, "extracts", "period = '2023-07'"));
        Assert.True(File.Exists(Path.Combine(h.Home, "imported", "2023-07", "roster", "花名册_202306.csv")));
    }
}
