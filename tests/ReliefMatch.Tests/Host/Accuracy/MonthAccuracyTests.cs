using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Accuracy;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Accuracy;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Host.Runs;
using ReliefMatch.Host.Web.Worklists;
using ReliefMatch.Storage.Accuracy;
using ReliefMatch.Storage.Findings;
using ReliefMatch.Storage.Workplace;
using ReliefMatch.Tests.Host.Web;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Accuracy;

/// <summary>
/// The generated county's July (sample-data) run for real, its townships' outcomes returned through the worklist upload,
/// its control list answered through the same upload: the accuracy figures are what was returned.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MonthAccuracyTests(PostgresFixture postgres)
{
    private static readonly ReportingMonth July = new(2023, 7);
    private static readonly DateOnly Today = new(2023, 8, 20);

    private static readonly string[] DismissReasons = ["本人健在，公安误报", " 本人健在， 公安误报。", "已迁出本县"];

    [Fact]
    public async Task LoadAsync_GeneratedMonthWithReturnedOutcomes_CountsWhatTheTownshipsReturned()
    {
        await using var db = await postgres.NewDatabaseAsync();
        var output = TempFolder.Create("accuracy-run");
        try
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2023, 8, 20, 2, 0, 0, TimeSpan.Zero));
            var rules = RuleFolder.Load(Path.Combine(RepositoryRoot.Path, "rules"));
            var run = await new MonthlyRun(db.DataSource, rules, Installation.OfSample, time, NullLogger.Instance)
                .ExecuteAsync(new MonthlyRunRequest(July, Path.Combine(RepositoryRoot.Path, "sample-data"), output));
            var findings = run.Findings.Where(f => f.Finding.Township.Length > 0).OrderBy(f => f.Finding.Reference, StringComparer.Ordinal).ToList();
            Assert.True(findings.Count > 20, $"the sample month raises {findings.Count} findings");

            // Every third finding confirmed, every third dismissed (three wordings, two of them one reason), the rest left open.
            var controls = new ControlListStore(db.DataSource, time);
            var service = new WorklistReturnService(new FindingQueries(db.DataSource), new FindingStore(db.DataSource, time),
                new WorklistReturnStore(db.DataSource, time), new ControlReturn(controls, time));
            var answered = findings.Select((f, i) => (f.Finding, Result: (i % 3) switch { 0 => "属实", 1 => "不属实", _ => "" },
                Remarks: (i % 3) switch { 0 => "已停保", 1 => DismissReasons[i / 3 % 3], _ => "" })).ToList();
            foreach (var township in answered.GroupBy(a => a.Finding.Township))
            {
                var file = ReturnFiles.Csv(township.Select(a => (a.Finding.Reference, a.Result, a.Remarks, a.Result.Length > 0 ? "王五" : "", a.Result.Length > 0 ? "2023-08-05" : "")).ToArray());
                var (_, result) = await service.ApplyAsync(township.Key, "returned.csv", file, "clerk", Today, CancellationToken.None);
                Assert.DoesNotContain(result.Rows, r => r.Outcome == ReturnOutcome.Refused);
            }

            var accuracy = await MonthAccuracy.LoadAsync(db.DataSource, time, rules, July, CancellationToken.None);

            foreach (var rule in accuracy.Rules)
            {
                var ofRule = answered.Where(a => a.Finding.RuleId == rule.RuleId).ToList();
                // A finding no township holds (a payment to someone on no roster, say) is on no worklist: it stays open.
                var unplaced = run.Findings.Count(f => f.Finding.RuleId == rule.RuleId && f.Finding.Township.Length == 0);
                var expected = new OutcomeTally(ofRule.Count(a => a.Result == "属实"), ofRule.Count(a => a.Result == "不属实"), ofRule.Count(a => a.Result == "") + unplaced);
                Assert.Equal(expected, rule.Total);
                Assert.Equal(expected.Answered == 0 ? null : (decimal)expected.Confirmed / expected.Answered, rule.Total.Precision);
                foreach (var (township, tally) in rule.Townships)
                {
                    var ofTownship = ofRule.Where(a => a.Finding.Township == township).ToList();
                    Assert.Equal(new OutcomeTally(ofTownship.Count(a => a.Result == "属实"), ofTownship.Count(a => a.Result == "不属实"),
                        ofTownship.Count(a => a.Result == "") + (township.Length == 0 ? unplaced : 0)), tally);
                }
                // The two wordings of one reason are one group.
                var dismissed = ofRule.Where(a => a.Result == "不属实").ToList();
                var same = dismissed.Count(a => a.Remarks != "已迁出本县");
                Assert.Equal(
                    new[] { ("本人健在,公安误报", same), ("已迁出本县", dismissed.Count - same) }.Where(r => r.Item2 > 0).OrderByDescending(r => r.Item2).ThenBy(r => r.Item1, StringComparer.Ordinal),
                    rule.Reasons.Select(r => (r.Reason, r.Count)));
            }
            Assert.Equal(run.Findings.Count, accuracy.Rules.Sum(r => r.Total.Total));

            // The run drew the control list: every home township, 20 each (or all it has), none of them flagged this month.
            var draws = await controls.ListAsync(July, null);
            Assert.Equal(run.Townships, draws.Select(d => d.Township));
            var flagged = run.Findings.Select(f => f.Finding.IdNumber).ToHashSet(StringComparer.Ordinal);
            Assert.All(draws, d => Assert.Equal(Math.Min(20, d.Candidates), d.Items.Count));
            Assert.All(draws.SelectMany(d => d.Items), i => Assert.DoesNotContain(i.IdNumber, flagged));
            Assert.True(accuracy.HasControlList);
            Assert.Equal(new ControlTally(0, 0, draws.Sum(d => d.Items.Count)), accuracy.Controls);

            // One township answers its list on the downloaded XLSX: two problems found, three in order.
            var first = draws.First(d => d.Items.Count >= 5);
            using var xlsx = new MemoryStream();
            ControlListXlsxWriter.Write(xlsx, Installation.OfSample.CountyName, July, first.Township, first.Items);
            var filled = ReturnFiles.FillXlsx(xlsx.ToArray(), "抽查编号",
                (first.Items[0].Reference, "有问题", "家中新购轿车，收入超标", "赵六", new DateOnly(2023, 8, 6)),
                (first.Items[1].Reference, "有问题", "已外出务工，收入稳定", "赵六", new DateOnly(2023, 8, 6)),
                (first.Items[2].Reference, "无问题", "", "赵六", new DateOnly(2023, 8, 7)),
                (first.Items[3].Reference, "无问题", "", "赵六", null),
                (first.Items[4].Reference, "无问题", "", "赵六", null));
            var (_, returned) = await service.ApplyAsync(first.Township, "对照抽查名单.xlsx", filled, "clerk", Today, CancellationToken.None);
            Assert.Equal([ReturnOutcome.Confirmed, ReturnOutcome.Confirmed, ReturnOutcome.Dismissed, ReturnOutcome.Dismissed, ReturnOutcome.Dismissed],
                returned.Rows.Take(5).Select(r => r.Outcome));
            Assert.Equal(["对照抽查：有问题", "对照抽查：有问题", "对照抽查：无问题", "对照抽查：无问题", "对照抽查：无问题"], returned.Rows.Take(5).Select(r => r.Reason));
            Assert.All(returned.Rows.Skip(5), r => Assert.Equal(ReturnOutcome.Blank, r.Outcome));

            var after = await MonthAccuracy.LoadAsync(db.DataSource, time, rules, July, CancellationToken.None);
            Assert.Equal(new ControlTally(2, 3, draws.Sum(d => d.Items.Count) - 5), after.Controls);
            Assert.Equal(0.4m, after.Controls.MissRate);
            Assert.Equal(5, after.Controls.Answered);
            Assert.Equal([("家中新购轿车,收入超标", 1), ("已外出务工,收入稳定", 1)], after.ControlProblems.Select(p => (p.Reason, p.Count)));
            // Answering controls changes no finding's figures.
            Assert.Equal(accuracy.Rules.Select(r => r.Total), after.Rules.Select(r => r.Total));

            // A second run of the month keeps the list the townships are checking.
            await new MonthlyRun(db.DataSource, rules, Installation.OfSample, time, NullLogger.Instance).ExecuteAsync(new MonthlyRunRequest(July, null, null));
            Assert.Equal(draws.Select(d => d.Items.Select(i => i.Reference).ToList()), (await controls.ListAsync(July, null)).Select(d => d.Items.Select(i => i.Reference).ToList()));
        }
        finally
        {
            TempFolder.Delete(output);
        }
    }
}
