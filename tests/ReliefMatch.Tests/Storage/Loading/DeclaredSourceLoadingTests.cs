using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Sources;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Storage.Loading;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Readers;

namespace ReliefMatch.Tests.Storage.Loading;

/// <summary>
/// Sources known by their declaration alone, through the real readers, import and loader against PostgreSQL: what a
/// month sees of each policy (snapshot, history deduplicated across files but not within one, latest by key), the
/// declared fields some file had a column for, and the files evidence can name.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DeclaredSourceLoadingTests(PostgresFixture postgres) : IAsyncLifetime, IDisposable
{
    private static readonly ReportingMonth June = new(2023, 6);
    private static readonly ReportingMonth July = new(2023, 7);
    private static readonly ReportingMonth August = new(2023, 8);
    private static readonly string Id1 = TestIds.Make("19800101", 123);
    private static readonly string Id2 = TestIds.Make("19820315", 224);

    private static string Declaration(string id, string policy, string key = "") => $$"""
        id: {{id}}
        names: {zh: 测试{{id}}, en: test {{id}}}
        department: 民政
        policy: {{policy}}
        {{key}}
        identity: [id_number, name]
        fields:
          - {name: name, type: name, required: true, headers: [姓名]}
          - {name: id_number, type: resident-id, headers: [身份证号]}
          - {name: paid_month, type: month, headers: [发放月份]}
          - {name: amount, type: money, headers: [发放金额]}
          - {name: note, type: text, headers: [备注]}
        """;

    private static readonly SourceCatalog Catalog = SourceCatalog.Installation(
    [
        new RuleFile("pay-history.yaml", Declaration("pay-history", "history")),
        new RuleFile("pay-snapshot.yaml", Declaration("pay-snapshot", "snapshot")),
        new RuleFile("pay-latest.yaml", Declaration("pay-latest", "latest", "key: [id_number]")),
        new RuleFile("pay-kept.yaml", Declaration("pay-kept", "history")
            + "\nfilters:\n  - {field: note, keep: [发放], when_absent: skip, otherwise: keep-as-non-evidence}\n"),
    ]);

    private readonly string _folder = TempFolder.Create("reliefmatch-declared");
    private Database _db = null!;
    private readonly ParsedRecords _parsed = new();

    public async Task InitializeAsync() => _db = await postgres.NewDatabaseAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public void Dispose() => TempFolder.Delete(_folder);

    private async Task<long> ImportAsync(string source, string name, ReportingMonth period, params string[] lines)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, source)).FullName;
        var path = Path.Combine(folder, name);
        await File.WriteAllTextAsync(path, string.Join("\n", lines) + "\n");
        var report = await new ExtractImporter(_db.DataSource, new FakeTimeProvider(), readerOptions: Readers.TestExtracts.Options, catalog: Catalog) { Parsed = _parsed }.ImportFileAsync(path, SourceRef.Of(source, Catalog), period);
        Assert.Null(report.RefusedReason);
        Assert.Equal(source, report.Source.Id);
        await using var cmd = _db.DataSource.CreateCommand($"SELECT id FROM reliefmatch.extracts WHERE sha256 = '{report.Sha256}'");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>The month read back from PostgreSQL, checked to be exactly the set the loader gives from the records the imports kept in memory.</summary>
    private async Task<ExtractSet> LoadAsync(ReportingMonth period)
    {
        var stored = await new ExtractSetLoader(_db.DataSource, Catalog).LoadAsync(period);
        ExtractSetDescription.AssertSame(stored, await new ExtractSetLoader(_db.DataSource, Catalog, _parsed).LoadAsync(period));
        return stored;
    }

    private static List<(string Name, decimal? Amount)> Rows(ExtractSet set, string source)
    {
        var table = set.Declared[source];
        return [.. Enumerable.Range(0, table.Count).Select(i => (table.Names[i], table.Amounts("amount")[i]))];
    }

    [Fact]
    public async Task LoadAsync_KeepAsNonEvidenceFilter_RowsItHoldsBackStoredButNotInTheMonth()
    {
        await ImportAsync("pay-kept", "a.csv", July, "姓名,身份证号,发放月份,发放金额,备注",
            $"张三,{Id1},2023-07,100,发放", $"张三,{Id1},2023-07,200,退回", $"李四,{Id2},2023-07,300,");
        // A file without the filter's column: when_absent skip, so none of its rows is evidence either.
        await ImportAsync("pay-kept", "b.csv", July, "姓名,身份证号,发放月份,发放金额", $"李四,{Id2},2023-07,400");

        Assert.Equal(4, await StorageTestDb.CountAsync(_db.DataSource, "declared_records"));
        var set = await LoadAsync(July);
        Assert.Equal([("张三", 100m)], Rows(set, "pay-kept"));
        Assert.True(set.Declared["pay-kept"].HasField("note"));
    }

    [Fact]
    public async Task LoadAsync_TiedRecordsOnly_RecordsOfAValidIdNoPersonHoldsLeftOut_InvalidIdsKept()
    {
        await ImportAsync("roster", "r.csv", July, "乡镇,家庭编号,姓名,身份证号,救助类别,保障状态", $"永福镇,H1,张三,{Id1},农村低保,在保");
        var wrongCheck = Id2[..17] + (Id2[17] == '1' ? '2' : '1');
        string[] sources = ["pay-history", "pay-snapshot", "pay-latest"];
        foreach (var source in sources)
        {
            await ImportAsync(source, "a.csv", July, "姓名,身份证号,发放月份,发放金额",
                $"张三,{Id1},2023-07,100", $"李四,{Id2},2023-07,200", $"王五,{wrongCheck},2023-07,300");
        }
        var tied = new HashSet<string>(["pay-history", "pay-latest"], StringComparer.Ordinal);

        var stored = await new ExtractSetLoader(_db.DataSource, Catalog, tiedRecordsOnly: tied).LoadAsync(July);
        ExtractSetDescription.AssertSame(stored, await new ExtractSetLoader(_db.DataSource, Catalog, _parsed, tied).LoadAsync(July));

        // 李四's valid ID is held by no person of the roster set: no rule reading these sources could tie the record.
        Assert.Equal([("张三", 100m), ("王五", 300m)], Rows(stored, "pay-history"));
        Assert.Equal([("张三", 100m), ("王五", 300m)], Rows(stored, "pay-latest"));
        Assert.Equal(3, stored.Declared["pay-snapshot"].Count);
        Assert.Equal(3, (await LoadAsync(July)).Declared["pay-history"].Count);
    }

    [Fact]
    public async Task LoadAsync_History_EqualRowsOfOneFileKept_ARowAnotherFileRepeatsOnce()
    {
        var june = await ImportAsync("pay-history", "6月.csv", June, "姓名,身份证号,发放月份,发放金额",
            $"张三,{Id1},2023-06,300", $"张三,{Id1},2023-06,300", $"李四,{Id2},2023-06,200");
        // July's export repeats one of June's two equal payments and adds one.
        var july = await ImportAsync("pay-history", "7月.csv", July, "姓名,身份证号,发放月份,发放金额,备注",
            $"张三,{Id1},2023-06,300.00,", $"王五,{Id2},2023-07,100,补发");
        await ImportAsync("pay-history", "8月.csv", August, "姓名,身份证号,发放月份,发放金额", $"赵六,{Id2},2023-08,50");

        var set = await LoadAsync(July);

        Assert.Equal([("张三", 300m), ("张三", 300m), ("李四", 200m), ("王五", 100m)], Rows(set, "pay-history"));
        var table = set.Declared["pay-history"];
        Assert.Equal([june, june, june, july], table.ExtractIds);
        Assert.Equal([2, 3, 4, 3], table.Rows);
        Assert.Equal([new ReportingMonth(2023, 6), new ReportingMonth(2023, 6), new ReportingMonth(2023, 6), July], table.Months("paid_month"));
        Assert.Equal(Id1, table.Ids[0].Text);
        Assert.True(table.Ids[0].IsValid);
        Assert.Equal("补发", table.Text("note")[3]);
        // Present: what some loaded file had a column for (July's has 备注).
        Assert.Equal(["amount", "id_number", "name", "note", "paid_month"], table.PresentFields.Order(StringComparer.Ordinal));
        Assert.Equal(("pay-history/7月.csv", July.ToString()), (set.Extracts[july].File, set.Extracts[july].Period));
        Assert.Equal("pay-history", set.Extracts[july].Source.Id);
        Assert.Equal(["amount", "id_number", "name", "note", "paid_month"], MonthSources.Of(set).Declared["pay-history"].Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_HistoryFileWithMoreOfARow_OnlyTheRowsBeyondTheEarlierCountAdded()
    {
        await ImportAsync("pay-history", "6月.csv", June, "姓名,身份证号,发放月份,发放金额", $"张三,{Id1},2023-06,300");
        await ImportAsync("pay-history", "7月.csv", July, "姓名,身份证号,发放月份,发放金额",
            $"张三,{Id1},2023-06,300", $"张三,{Id1},2023-06,300", $"张三,{Id1},2023-06,300");

        var set = await LoadAsync(July);

        Assert.Equal(3, set.Declared["pay-history"].Count);
    }

    [Fact]
    public async Task LoadAsync_Snapshot_TheLatestPeriodAtOrBeforeTheMonth()
    {
        await ImportAsync("pay-snapshot", "6月.csv", June, "姓名,身份证号,发放金额", $"张三,{Id1},1", $"李四,{Id2},2");
        await ImportAsync("pay-snapshot", "7月.csv", July, "姓名,身份证号,发放金额,备注", $"王五,{Id2},3,在册");

        Assert.Equal([("张三", 1m), ("李四", 2m)], Rows(await LoadAsync(June), "pay-snapshot"));
        var july = await LoadAsync(July);
        Assert.Equal([("王五", 3m)], Rows(july, "pay-snapshot"));
        Assert.Contains("note", july.Declared["pay-snapshot"].PresentFields);
        Assert.Equal([("王五", 3m)], Rows(await LoadAsync(August), "pay-snapshot"));
        Assert.False((await LoadAsync(new ReportingMonth(2023, 5))).Declared.ContainsKey("pay-snapshot"));
    }

    [Fact]
    public async Task LoadAsync_Latest_PerKeyTheRowsOfTheNewestFile_RowsWithoutKeyStandAlone()
    {
        await ImportAsync("pay-latest", "6月.csv", June, "姓名,身份证号,发放金额", $"张三,{Id1},10", $"李四,{Id2},20", "无证,,5");
        await ImportAsync("pay-latest", "7月.csv", July, "姓名,身份证号,发放金额", $"张三,{Id1},30", $"张三,{Id1},31", "无证,,6");

        var set = await LoadAsync(July);

        Assert.Equal([("李四", 20m), ("无证", 5m), ("张三", 30m), ("张三", 31m), ("无证", 6m)], Rows(set, "pay-latest"));
        Assert.Equal([("张三", 10m), ("李四", 20m), ("无证", 5m)], Rows(await LoadAsync(June), "pay-latest"));
    }

    [Fact]
    public async Task ImportFolderAsync_DeclaredSubFolder_ImportedAndAgainRecognised()
    {
        await File.WriteAllTextAsync(Path.Combine(Directory.CreateDirectory(Path.Combine(_folder, "pay-history")).FullName, "发放_202307.csv"),
            $"姓名,身份证号,发放金额\n张三,{Id1},1\n,{Id2},2\n");
        var importer = new ExtractImporter(_db.DataSource, new FakeTimeProvider(), readerOptions: Readers.TestExtracts.Options, catalog: Catalog);

        var first = Assert.Single(await importer.ImportFolderAsync(_folder, null));
        var again = Assert.Single(await importer.ImportFolderAsync(_folder, null));

        Assert.Equal(("pay-history/发放_202307.csv", July, 1, 1, false), (first.File, first.Period, first.Accepted, first.Rejected, first.AlreadyImported));
        Assert.Equal((true, 1, 1), (again.AlreadyImported, again.Accepted, again.Rejected));
        Assert.Equal(first.Rejects, again.Rejects);
        Assert.Empty(ExtractImporter.UndeclaredFolders(_folder, Catalog));
        Assert.Equal(["pay-history"], ExtractImporter.UndeclaredFolders(_folder));
    }
}
