using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Runs;
using ReliefMatch.Storage.Findings;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Runs;

/// <summary>
/// A new source by a file alone: a county's rules folder declares 民政 殡葬 火化记录 (sources/cremation.yaml, the fixture Fixtures/Cremation/cremation.yaml) and a copy
/// of deceased-recipient names it as a death source; its file in the inbox gives the deceased findings of the real
/// monthly run, with evidence naming the cremation file and row. The test adds no code of its own beyond the files.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CremationSourceTests(PostgresFixture postgres)
{
    private static readonly ReportingMonth July = new(2023, 7);

    [Fact]
    public async Task Run_CremationDeclaredByAFile_DeceasedFindingsFromItsRowsNamingFileAndRow()
    {
        await using var db = await postgres.NewDatabaseAsync();
        var rules = TempFolder.Create("cremation-rules");
        var inbox = TempFolder.Create("cremation-inbox");
        var output = TempFolder.Create("cremation-out");
        try
        {
            Directory.CreateDirectory(Path.Combine(rules, "sources"));
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Cremation", "cremation.yaml"), Path.Combine(rules, "sources", "cremation.yaml"));
            var deceased = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "rules", "deceased-recipient.yaml"));
            MonthlyRunTests.Write(rules, "deceased-recipient.yaml", deceased.Replace("death_sources: [police-deaths, health-deaths]", "death_sources: [police-deaths, health-deaths, cremation]", StringComparison.Ordinal));
            MonthlyRunTests.Write(inbox, "roster/花名册_202307.csv",
                "乡镇,村,家庭编号,姓名,身份证号,与户主关系,救助类别,保障状态\n" +
                $"永福镇,城北村,H1,张一,{TestRecords.IdNumber(1)},户主,农村低保,在保\n" +
                $"永福镇,城北村,H2,张二,{TestRecords.IdNumber(2)},户主,农村低保,在保\n" +
                $"罗锦镇,罗锦村,H3,张三,{TestRecords.IdNumber(3)},户主,特困供养,在保\n");
            MonthlyRunTests.Write(inbox, "cremation/火化记录_202307.csv",
                "逝者姓名,逝者身份证号,火化日期\n" +
                $"张一,{TestRecords.IdNumber(1)},2023-06-20\n" +
                $"张三,{TestRecords.IdNumber(3)},2023年8月2日\n");
            var time = new FakeTimeProvider(new DateTimeOffset(2023, 8, 1, 0, 0, 0, TimeSpan.Zero));
            var run = new MonthlyRun(db.DataSource, RuleFolder.Load(rules), Installation.OfSample, time, NullLogger.Instance);

            var result = await run.ExecuteAsync(new MonthlyRunRequest(July, inbox, output));

            var import = Assert.Single(result.Imports, f => f.File == "cremation/火化记录_202307.csv");
            Assert.Equal((2, 0), (import.Accepted, import.Rejected));
            Assert.Empty(result.UndeclaredFolders);
            // 张三 was cremated after July: no finding for July.
            var finding = Assert.Single(result.Findings, f => f.Finding.RuleId == "deceased-recipient").Finding;
            Assert.Equal("张一", finding.Name);
            var explained = Assert.Single(await new FindingExplainer(db.DataSource).FindAsync(TestRecords.IdNumber(1)), f => f.RuleId == "deceased-recipient");
            var evidence = Assert.Single(explained.Evidence);
            Assert.Equal(("cremation", "cremation/火化记录_202307.csv", 2), (evidence.Source, evidence.File, evidence.Row));
            Assert.Equal("火化记录：2023-06-20 死亡", evidence.Text);
        }
        finally
        {
            TempFolder.Delete(rules);
            TempFolder.Delete(inbox);
            TempFolder.Delete(output);
        }
    }
}
