using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Runs;
using ReliefMatch.Host.Web.Worklists;
using ReliefMatch.Storage.Findings;
using ReliefMatch.Storage.Workplace;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Runs;

/// <summary>
/// 属实未处置 over two months of real runs: a death confirmed on July's worklist whose person is still on August's
/// roster comes back on August's worklist as an escalation with the first confirmation; one whose person left the
/// roster does not come back; a 属实 given again on the escalation row settles August and keeps the first one.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class EscalationTests(PostgresFixture postgres)
{
    private static readonly ReportingMonth July = new(2023, 7);
    private static readonly ReportingMonth August = new(2023, 8);

    private static string Roster(bool withZhangEr) =>
        "乡镇,村,家庭编号,姓名,身份证号,与户主关系,救助类别,保障状态,最近核对日期\n" +
        $"永福镇,城北村,H1,张一,{TestRecords.IdNumber(1)},户主,农村低保,在保,2023-06-01\n" +
        (withZhangEr ? $"永福镇,城北村,H2,张二,{TestRecords.IdNumber(2)},户主,农村低保,在保,2023-06-01\n" : "") +
        $"永福镇,城北村,H3,张三,{TestRecords.IdNumber(3)},户主,农村低保,在保,2023-06-01\n";

    private static readonly string Deaths =
        "姓名,公民身份号码,死亡日期,注销原因\n" +
        $"张一,{TestRecords.IdNumber(1)},2023-06-20,死亡\n" +
        $"张二,{TestRecords.IdNumber(2)},2023-06-21,死亡\n";

    [Fact]
    public async Task Run_ConfirmedAndStillEnrolledNextMonth_EscalatedOnNextMonthsWorklist()
    {
        await using var db = await postgres.NewDatabaseAsync();
        var inbox = TempFolder.Create("escalation");
        var output = TempFolder.Create("escalation-out");
        try
        {
            Write(inbox, "roster/花名册_202307.csv", Roster(withZhangEr: true));
            Write(inbox, "police-deaths/注销_202307.csv", Deaths);
            var time = new FakeTimeProvider(new DateTimeOffset(2023, 8, 1, 0, 0, 0, TimeSpan.Zero));
            var run = new MonthlyRun(db.DataSource, RuleFolder.Load(Path.Combine(RepositoryRoot.Path, "rules")), Installation.OfSample, time, NullLogger.Instance);
            var july = await run.ExecuteAsync(new MonthlyRunRequest(July, inbox, Path.Combine(output, "07")));
            var reference = july.Findings.Where(f => f.Finding.RuleId == "deceased-recipient").ToDictionary(f => f.Finding.Name, f => f.Finding.Reference);

            // The clerk confirms both deaths on the page, on 5 August.
            var queries = new FindingQueries(db.DataSource);
            var service = new WorklistReturnService(queries, new FindingStore(db.DataSource, time), new WorklistReturnStore(db.DataSource, time),
                new ControlReturn(new ReliefMatch.Storage.Accuracy.ControlListStore(db.DataSource, time), time));
            var today = new DateOnly(2023, 8, 5);
            Assert.Equal(ReturnOutcome.Confirmed, (await service.RecordAsync("永福镇", new ReturnedRow(0, reference["张一"], "属实", "已报停保", "王五", "2023-08-05"), "yongfu1", today, default)).Outcome);
            Assert.Equal(ReturnOutcome.Confirmed, (await service.RecordAsync("永福镇", new ReturnedRow(0, reference["张二"], "属实", "已停保", "王五", "2023-08-05"), "yongfu1", today, default)).Outcome);

            // August: 张二 left the roster (benefit stopped), 张一 is still on it. July's roster leaves the inbox (a file
            // left there would be part of August's snapshot).
            File.Delete(Path.Combine(inbox, "roster", "花名册_202307.csv"));
            Write(inbox, "roster/花名册_202308.csv", Roster(withZhangEr: false));
            time.Advance(TimeSpan.FromDays(31));
            await run.ExecuteAsync(new MonthlyRunRequest(August, inbox, Path.Combine(output, "08")));

            var augustRows = WorklistRows(Path.Combine(output, "08", "worklists", "永福镇.csv"));
            var zhangYi = augustRows.Single(r => r[2] == "张一" && r[13] == reference["张一"]);
            Assert.Equal("属实未处置", zhangYi[9]);
            Assert.Equal("2023-08-05 已核实属实，核查人 王五（2023年7月清单），本月仍在册，请尽快处置", zhangYi[10]);
            Assert.Equal(["", ""], zhangYi[11..13]);
            Assert.DoesNotContain(augustRows, r => r[2] == "张二");
            var julyRows = WorklistRows(Path.Combine(output, "07", "worklists", "永福镇.csv"));
            Assert.All(julyRows.Where(r => r[13] == reference["张一"]), r => Assert.Equal("", r[9])); // written before the confirmation

            // 属实 again on the escalation row, on 3 September: August is answered, the first confirmation is kept.
            var again = await service.RecordAsync("永福镇", new ReturnedRow(0, reference["张一"], "属实", "停保手续办理中", "赵六", "2023-09-03"), "yongfu1", new DateOnly(2023, 9, 3), default);
            Assert.Equal(ReturnOutcome.Confirmed, again.Outcome);
            var stored = (await queries.ForPeriodAsync(August, "永福镇")).Single(f => f.Finding.Reference == reference["张一"]);
            Assert.Equal((August, new DateOnly(2023, 8, 5), "王五"), (stored.AnsweredIn, stored.FirstConfirmedOn, stored.FirstConfirmedBy));
            Assert.False(stored.ToRunFinding().IsEscalatedIn(August));
            Assert.True(stored.ToRunFinding().IsEscalatedIn(new ReportingMonth(2023, 9)));
        }
        finally
        {
            TempFolder.Delete(inbox);
            TempFolder.Delete(output);
        }
    }

    private static List<string[]> WorklistRows(string path) =>
        File.ReadAllLines(path, Encoding.UTF8).Skip(1).Select(l => l.Split(',')).ToList();

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }
}
