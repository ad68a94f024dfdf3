using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Runs;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Runs;

/// <summary>State across months: 数据预警 counts only what is first raised in the month.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MonthlyRunTests(PostgresFixture postgres)
{
    private static readonly ReportingMonth July = new(2023, 7);
    private static readonly ReportingMonth August = new(2023, 8);

    private static readonly string RosterCsv =
        "乡镇,村,家庭编号,姓名,身份证号,与户主关系,救助类别,保障状态,最近核对日期\n" +
        $"永福镇,城北村,H1,张一,{TestRecords.IdNumber(1)},户主,农村低保,在保,2023-06-01\n" +
        $"永福镇,城北村,H2,张二,{TestRecords.IdNumber(2)},户主,农村低保,在保,2023-06-01\n" +
        $"罗锦镇,罗锦村,H3,张三,{TestRecords.IdNumber(3)},户主,特困供养,在保,2023-06-01\n";

    [Fact]
    public async Task Run_SecondMonth_CountsOnlyNewFindingsAndKeepsFirstSeen()
    {
        await using var db = await postgres.NewDatabaseAsync();
        var inbox = TempFolder.Create("two-months");
        var output = TempFolder.Create("two-months-out");
        try
        {
            Write(inbox, "roster/花名册_202307.csv", RosterCsv);
            Write(inbox, "police-deaths/注销_202307.csv", $"姓名,公民身份号码,死亡日期,注销原因\n张一,{TestRecords.IdNumber(1)},2023-06-20,死亡\n");
            var time = new FakeTimeProvider(new DateTimeOffset(2023, 8, 1, 0, 0, 0, TimeSpan.Zero));
            var run = new MonthlyRun(db.DataSource, RuleFolder.Load(Path.Combine(RepositoryRoot.Path, "rules")), Installation.OfSample, time, NullLogger.Instance);

            var july = await run.ExecuteAsync(new MonthlyRunRequest(July, inbox, Path.Combine(output, "07")));
            Assert.Equal(1, july.Outputs!.Statistics.County.DataWarning.Total);
            Assert.Equal(1, july.Outputs.Statistics.For("永福镇")!.DataWarning.Total);

            // August: the roster is dropped again unchanged (same bytes) and a new death arrives for 张三 (特困).
            Write(inbox, "police-deaths/注销_202308.csv", $"姓名,公民身份号码,死亡日期,注销原因\n张三,{TestRecords.IdNumber(3)},2023-08-02,死亡\n");
            time.Advance(TimeSpan.FromDays(31));
            var august = await run.ExecuteAsync(new MonthlyRunRequest(August, inbox, Path.Combine(output, "08")));

            Assert.False(august.ReusedStoredFindings);
            var deceased = august.Findings.Where(f => f.Finding.RuleId == "deceased-recipient").ToDictionary(f => f.Finding.Name, f => f.FirstSeen);
            Assert.Equal(July, deceased["张一"]);
            Assert.Equal(August, deceased["张三"]);
            var stats = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "08", "stats.json"))).RootElement;
            Assert.Equal("2023-08", stats.GetProperty("period").GetString());
            Assert.Equal(1, stats.GetProperty("county").GetProperty("data_warning").GetProperty("total").GetInt32());
            Assert.Equal(1, stats.GetProperty("county").GetProperty("data_warning").GetProperty("tekun").GetInt32());
            Assert.Equal(0, stats.GetProperty("townships").GetProperty("永福镇").GetProperty("data_warning").GetProperty("total").GetInt32());
            Assert.Equal(1, stats.GetProperty("townships").GetProperty("罗锦镇").GetProperty("data_warning").GetProperty("total").GetInt32());

            // Each run is in the audit log, started at the command line (no one named).
            Assert.Equal($"(命令行（{Environment.UserName}）,run-month,\"2023年7月月度比对，运行编号 {july.RunId}\")\n(命令行（{Environment.UserName}）,run-month,\"2023年8月月度比对，运行编号 {august.RunId}\")",
                await ReliefMatch.Tests.Storage.StorageTestDb.DumpAsync(db.DataSource, "SELECT user_name, action, subject FROM reliefmatch.audit_log"));

            // Each run that counted its sheet left the month's trend figures (the county's under township ''); no 标记 had a source.
            Assert.Equal(
                "(2023-07,\"\",1,,\"{monitored,medical,graduate,housing,disability,relocated}\")\n(2023-07,永福镇,1,,\"{monitored,medical,graduate,housing,disability,relocated}\")\n(2023-07,罗锦镇,0,,\"{monitored,medical,graduate,housing,disability,relocated}\")\n" +
                "(2023-08,\"\",1,,\"{monitored,medical,graduate,housing,disability,relocated}\")\n(2023-08,永福镇,0,,\"{monitored,medical,graduate,housing,disability,relocated}\")\n(2023-08,罗锦镇,1,,\"{monitored,medical,graduate,housing,disability,relocated}\")",
                await ReliefMatch.Tests.Storage.StorageTestDb.DumpAsync(db.DataSource, "SELECT period, township, data_warning, tags, tags_lacking FROM reliefmatch.month_figures ORDER BY period, township COLLATE \"C\""));
        }
        finally
        {
            TempFolder.Delete(inbox);
            TempFolder.Delete(output);
        }
    }

    [Fact]
    public async Task Run_SameMonthAgainWithNothingNew_KeepsTheOutputsUntilOneIsMissingOrADispositionChangesThem()
    {
        await using var db = await postgres.NewDatabaseAsync();
        var inbox = TempFolder.Create("kept-outputs");
        var output = TempFolder.Create("kept-outputs-out");
        try
        {
            Write(inbox, "roster/花名册_202307.csv", RosterCsv);
            Write(inbox, "police-deaths/注销_202307.csv", $"姓名,公民身份号码,死亡日期,注销原因\n张一,{TestRecords.IdNumber(1)},2023-06-20,死亡\n");
            var time = new FakeTimeProvider(new DateTimeOffset(2023, 8, 1, 0, 0, 0, TimeSpan.Zero));
            var rules = RuleFolder.Load(Path.Combine(RepositoryRoot.Path, "rules"));
            var run = new MonthlyRun(db.DataSource, rules, Installation.OfSample, time, NullLogger.Instance);
            var first = await run.ExecuteAsync(new MonthlyRunRequest(July, inbox, output));
            var findingsCsv = Path.Combine(output, "findings.csv");
            var written = File.GetLastWriteTimeUtc(findingsCsv);
            File.SetLastWriteTimeUtc(findingsCsv, written.AddHours(-1));

            var second = await run.ExecuteAsync(new MonthlyRunRequest(July, inbox, output));

            Assert.True(second.ReusedStoredFindings);
            Assert.Equal(output, second.OutputsKeptIn);
            Assert.Null(second.Outputs);
            Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(findingsCsv));
            Assert.Equal(first.Findings.Select(f => f.Finding.Key).Order(StringComparer.Ordinal), second.Findings.Select(f => f.Finding.Key).Order(StringComparer.Ordinal));
            Assert.Equal(["import", "reuse"], second.Timings.Select(t => t.Stage));
            Assert.Contains("未重新生成", ReliefMatch.Host.Jobs.MonthlyRunJob.Describe(second), StringComparison.Ordinal);

            // A missing output file is written again, with all the others.
            File.Delete(findingsCsv);
            var third = await run.ExecuteAsync(new MonthlyRunRequest(July, inbox, output));
            Assert.Null(third.OutputsKeptIn);
            Assert.True(File.Exists(findingsCsv));

            // A disposition changes what the worklists say: written again.
            var key = first.Findings.Single(f => f.Finding.RuleId == "deceased-recipient").Finding.Key;
            await new ReliefMatch.Storage.Findings.FindingStore(db.DataSource, time).SetDispositionAsync(key, ReliefMatch.Core.Findings.FindingStatus.Confirmed, "已核实", "永福镇 李四");
            var fourth = await run.ExecuteAsync(new MonthlyRunRequest(July, inbox, output));
            Assert.Null(fourth.OutputsKeptIn);
            Assert.Equal(output, (await run.ExecuteAsync(new MonthlyRunRequest(July, inbox, output))).OutputsKeptIn);

            // A rule whose title alone changed evaluates again, but every finding is stored as it is: none is written.
            var retitled = new MonthlyRun(db.DataSource, ReliefMatch.Core.Rules.RuleSet.From(rules.Rules.Select(r => r with { Title = r.Title + "（新）" })),
                Installation.OfSample, time, NullLogger.Instance);
            var fifth = await retitled.ExecuteAsync(new MonthlyRunRequest(July, inbox, output));
            Assert.False(fifth.ReusedStoredFindings);
            Assert.Equal($"({first.Findings.Count},0)", await ReliefMatch.Tests.Storage.StorageTestDb.DumpAsync(db.DataSource,
                $"SELECT findings, findings_written FROM reliefmatch.runs WHERE id = {fifth.RunId}"));
        }
        finally
        {
            TempFolder.Delete(inbox);
            TempFolder.Delete(output);
        }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to <paramref name="relative"/> under <paramref name="root"/>, creating its folder.</summary>
    internal static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }
}
