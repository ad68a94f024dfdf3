using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Host.Runs;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Statistics;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;

namespace ReliefMatch.Tests.Host.Runs;

/// <summary>
/// Rule replay against a month run and published, on a real PostgreSQL: the rules folder's deceased-recipient reads only
/// police deaths; the replayed file reads only health deaths, so it removes one finding and adds another.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RuleReplayTests(PostgresFixture postgres) : IAsyncLifetime, IDisposable
{
    private static readonly ReportingMonth July = new(2023, 7);

    /// <summary>Everything a replay must leave as it was, row versions included.</summary>
    private const string Stored = """
        SELECT 'f', xmin::text, key, rule_version::text, status, first_seen FROM reliefmatch.findings
        UNION ALL SELECT 'p', xmin::text, key, period, run_id::text, '' FROM reliefmatch.finding_periods
        UNION ALL SELECT 'r', xmin::text, id::text, period, status, coalesce(findings::text, '') FROM reliefmatch.runs
        UNION ALL SELECT 's', xmin::text, period, version::text, md5(sheet), '' FROM reliefmatch.published_statistics
        UNION ALL SELECT 'm', xmin::text, period, township, data_warning::text, '' FROM reliefmatch.month_figures
        """;

    private readonly string _inbox = TempFolder.Create("replay-inbox");
    private readonly string _output = TempFolder.Create("replay-out");
    private readonly string _rules = TempFolder.Create("replay-rules");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 8, 1, 0, 0, 0, TimeSpan.Zero));
    private Database _db = null!;

    internal static string PoliceOnly => DeceasedRule("[police-deaths]", 1);

    internal static string HealthOnly => DeceasedRule("[health-deaths]", 1);

    private static string DeceasedRule(string sources, int version) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "rules", "deceased-recipient.yaml"))
        .Replace("[police-deaths, health-deaths]", sources, StringComparison.Ordinal).Replace("version: 1", $"version: {version}", StringComparison.Ordinal);

    public async Task InitializeAsync()
    {
        _db = await postgres.NewDatabaseAsync();
        CopyRules(_rules);
        await RunJulyAsync(_db, _inbox, _output, _rules, _time);
    }

    /// <summary>The repository's rules into <paramref name="folder"/>, deceased-recipient reading police deaths only.</summary>
    internal static void CopyRules(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "rules"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
        File.WriteAllText(Path.Combine(folder, "deceased-recipient.yaml"), PoliceOnly, new UTF8Encoding(false));
    }

    /// <summary>
    /// Three recipients (张一 and 张二 of 永福镇 on 低保, 张三 of 罗锦镇 特困); 张一 has a police death cancellation, 张三 a
    /// health death certificate; July run with the rules of <paramref name="rules"/> (<see cref="CopyRules"/>), and its 统计表 published.
    /// </summary>
    internal static async Task RunJulyAsync(Database db, string inbox, string output, string rules, TimeProvider time)
    {
        Write(inbox, "roster/花名册_202307.csv",
            "乡镇,村,家庭编号,姓名,身份证号,与户主关系,救助类别,保障状态,最近核对日期\n" +
            $"永福镇,城北村,H1,张一,{TestRecords.IdNumber(1)},户主,农村低保,在保,2023-06-01\n" +
            $"永福镇,城北村,H2,张二,{TestRecords.IdNumber(2)},户主,农村低保,在保,2023-06-01\n" +
            $"罗锦镇,罗锦村,H3,张三,{TestRecords.IdNumber(3)},户主,特困供养,在保,2023-06-01\n");
        Write(inbox, "police-deaths/注销_202307.csv", $"姓名,公民身份号码,死亡日期,注销原因\n张一,{TestRecords.IdNumber(1)},2023-06-20,死亡\n");
        Write(inbox, "health-deaths/死亡医学证明_202307.csv", $"死者姓名,身份证号,死亡日期\n张三,{TestRecords.IdNumber(3)},2023-07-03\n");
        var result = await new MonthlyRun(db.DataSource, RuleFolder.Load(rules), Installation.OfSample, time, NullLogger.Instance)
            .ExecuteAsync(new MonthlyRunRequest(July, inbox, output));
        await new PublishedSheetStore(db.DataSource).PublishAsync(July, ReliefMatch.Host.Outputs.StatsJsonReader.Text(result.Statistics!), "county1", time.GetUtcNow());
        Assert.Equal(["张一"], result.Findings.Where(f => f.Finding.RuleId == "deceased-recipient").Select(f => f.Finding.Name));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public void Dispose()
    {
        TempFolder.Delete(_inbox);
        TempFolder.Delete(_output);
        TempFolder.Delete(_rules);
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    private RuleReplay Replay() => new(_db.DataSource, RuleFolder.Load(_rules), Installation.OfSample);

    [Fact]
    public async Task ReplayAsync_OtherDeathSource_AddsAndRemovesByTownshipAndChangesNothingStored()
    {
        var before = await StorageTestDb.DumpAsync(_db.DataSource, Stored);
        var outputs = Directory.EnumerateFiles(_output, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();

        var result = await Replay().ReplayAsync(July, new RuleFile("deceased-recipient.yaml", HealthOnly));

        var added = Assert.Single(result.Added);
        Assert.Equal(("张三", "罗锦镇", "deceased-recipient"), (added.Name, added.Township, added.RuleId));
        Assert.Contains("死亡", string.Join("；", added.Evidence.Select(e => e.Text)), StringComparison.Ordinal);
        var removed = Assert.Single(result.Removed);
        Assert.Equal(("张一", "永福镇"), (removed.Name, removed.Township));
        Assert.Equal(1, result.Old!.Version);
        Assert.Contains(result.Cells, c => c is { Unit: "永福镇", Path: "data_warning.total", Was: "1", Will: "0" });
        Assert.Contains(result.Cells, c => c is { Unit: "罗锦镇", Path: "data_warning.tekun", Was: "0", Will: "1" });
        // One person out, another in: the county's total stays, its 低保 and 特困 lines move.
        Assert.DoesNotContain(result.Cells, c => c is { Unit: ReplayCell.County, Path: "data_warning.total" });
        Assert.Contains(result.Cells, c => c is { Unit: ReplayCell.County, Path: "data_warning.dibao", Was: "1", Will: "0" });

        Assert.Equal(before, await StorageTestDb.DumpAsync(_db.DataSource, Stored));
        Assert.Equal(outputs, Directory.EnumerateFiles(_output, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList());
        Assert.Equal(PoliceOnly, File.ReadAllText(Path.Combine(_rules, "deceased-recipient.yaml")));
    }

    [Fact]
    public async Task ReplayAsync_SameRule_NothingMoves()
    {
        var result = await Replay().ReplayAsync(July, new RuleFile("deceased-recipient.yaml", PoliceOnly));

        Assert.Empty(result.Added);
        Assert.Empty(result.Removed);
        Assert.Empty(result.Cells);
    }

    [Fact]
    public async Task ReplayAsync_MonthNeverRun_Refused()
    {
        var e = await Assert.ThrowsAsync<RunRefusedException>(() => Replay().ReplayAsync(new ReportingMonth(2023, 6), new RuleFile("deceased-recipient.yaml", HealthOnly)));
        Assert.Contains("还没有完成的比对运行", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayAsync_InvalidRule_NamesFileAndLine()
    {
        var e = await Assert.ThrowsAsync<RuleFileException>(() => Replay().ReplayAsync(July, new RuleFile("deceased-recipient.yaml", HealthOnly.Replace("[health-deaths]", "[cremation]", StringComparison.Ordinal))));
        Assert.Equal(("deceased-recipient.yaml", 10L), (e.File, e.Line));
    }

    [Fact]
    public async Task Publish_ThenRunAgain_VersionRaisedAndEachFindingKeepsTheVersionThatRaisedIt()
    {
        var (rule, path) = RulePublisher.Publish(_rules, new RuleFile("试算的规则", HealthOnly));

        Assert.Equal(2, rule.Version);
        Assert.Equal(Path.Combine(_rules, "deceased-recipient.yaml"), path);
        Assert.Equal(DeceasedRule("[health-deaths]", 2), File.ReadAllText(path));
        Assert.Equal(2, RuleFolder.Load(_rules).Find("deceased-recipient")!.Version);

        await new MonthlyRun(_db.DataSource, RuleFolder.Load(_rules), Installation.OfSample, _time, NullLogger.Instance)
            .ExecuteAsync(new MonthlyRunRequest(July, null, _output));

        Assert.Equal("(张一,1,closed)\n(张三,2,open)", await StorageTestDb.DumpAsync(_db.DataSource,
            "SELECT name, rule_version, status FROM reliefmatch.findings WHERE rule_id = 'deceased-recipient'"));
    }

    [Fact]
    public void Publish_RuleNamingTheCountysOwnSource_ReadAgainstTheInstallationsSources()
    {
        // The run and the replay read rules against the shipped sources plus the folder's sources/*.yaml; publishing once read the shipped ones only.
        Directory.CreateDirectory(Path.Combine(_rules, RuleFolder.SourcesFolder));
        File.Copy(Path.Combine(RepositoryRoot.Path, "tests", "ReliefMatch.Tests", "Fixtures", "Cremation", "cremation.yaml"),
            Path.Combine(_rules, RuleFolder.SourcesFolder, "cremation.yaml"));

        var (rule, _) = RulePublisher.Publish(_rules, new RuleFile("deceased-recipient.yaml", DeceasedRule("[police-deaths, cremation]", 1)));

        Assert.Equal(2, rule.Version);
        Assert.Equal(2, RuleFolder.Load(_rules).Find("deceased-recipient")!.Version);
    }

    [Fact]
    public async Task Run_LaterMonthUnderNewVersion_EarlierMonthKeepsTheVersionThatRaisedIt()
    {
        // July was run under version 1 (police deaths only): 张一. Version 2 reads both sources; August runs under it.
        RulePublisher.Publish(_rules, new RuleFile("deceased-recipient.yaml", DeceasedRule("[police-deaths, health-deaths]", 1)));
        Write(_inbox, "roster/花名册_202308.csv", File.ReadAllText(Path.Combine(_inbox, "roster", "花名册_202307.csv")));
        _time.Advance(TimeSpan.FromDays(31));
        await new MonthlyRun(_db.DataSource, RuleFolder.Load(_rules), Installation.OfSample, _time, NullLogger.Instance)
            .ExecuteAsync(new MonthlyRunRequest(new ReportingMonth(2023, 8), _inbox, _output));

        Assert.Equal("(张一,2023-07,1)\n(张一,2023-08,2)\n(张三,2023-08,2)", await StorageTestDb.DumpAsync(_db.DataSource,
            "SELECT f.name, fp.period, fp.rule_version FROM reliefmatch.finding_periods fp JOIN reliefmatch.findings f ON f.key = fp.key WHERE f.rule_id = 'deceased-recipient'"));
    }
}
