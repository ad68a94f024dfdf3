using System.Text.Json;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Cli;

/// <summary>The commands as a data officer runs them: a real process, a real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CliTests(PostgresFixture postgres)
{
    private static readonly string SampleData = Path.Combine(RepositoryRoot.Path, "sample-data");

    [Fact]
    public async Task Import_Json_PrintsTheContractShapeAndSecondImportChangesNothing()
    {
        var env = await postgres.CreateEmptyDatabaseEnvironmentAsync();

        var first = await ReliefmatchProcess.RunAsync(env, "import", "--input", SampleData, "--period", "2023-07", "--json");
        Assert.True(first.ExitCode == 0, first.Error);
        var files = JsonDocument.Parse(first.Output).RootElement.GetProperty("files");
        // Every file of a source folder the import reads is reported.
        var read = ExtractImporter.FilesOf(SampleData).Select(f => Path.GetDirectoryName(f.Path)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Directory.EnumerateFiles(SampleData, "*.*", SearchOption.AllDirectories).Count(f => read.Contains(Path.GetDirectoryName(f))), files.GetArrayLength());
        Assert.True(read.Count >= 6);
        foreach (var file in files.EnumerateArray())
        {
            var rows = file.GetProperty("rows").GetInt32();
            Assert.Equal(rows, file.GetProperty("accepted").GetInt32() + file.GetProperty("rejected").GetInt32() + file.GetProperty("skipped").GetInt32());
            Assert.Equal(file.GetProperty("rejected").GetInt32(), file.GetProperty("rejects").GetArrayLength());
            Assert.False(file.GetProperty("already_imported").GetBoolean());
            Assert.StartsWith(file.GetProperty("source").GetString() + "/", file.GetProperty("file").GetString(), StringComparison.Ordinal);
        }
        var reject = files.EnumerateArray().SelectMany(f => f.GetProperty("rejects").EnumerateArray()).First();
        Assert.True(reject.GetProperty("row").GetInt32() > 0);
        Assert.False(string.IsNullOrEmpty(reject.GetProperty("column").GetString()));
        Assert.False(string.IsNullOrEmpty(reject.GetProperty("reason").GetString()));

        var second = await ReliefmatchProcess.RunAsync(env, "import", "--input", SampleData, "--period", "2023-07", "--json");
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.All(JsonDocument.Parse(second.Output).RootElement.GetProperty("files").EnumerateArray(), f => Assert.True(f.GetProperty("already_imported").GetBoolean()));
    }

    [Fact]
    public async Task Import_Table_ShowsEachFileAndASummary()
    {
        var env = new Dictionary<string, string?>(await postgres.CreateEmptyDatabaseEnvironmentAsync()) { ["COLUMNS"] = "200" };
        var result = await ReliefmatchProcess.RunAsync(env, "import", "--input", SampleData, "--period", "2023-07");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("roster/", result.Output, StringComparison.Ordinal);
        Assert.Contains("GB18030", result.Output, StringComparison.Ordinal);
        Assert.Contains("合计 (summary)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FolderNoDeclarationNames_IsNamedInTheReport()
    {
        using var drop = new TestDropFolder();
        drop.AddRaw("housing-fund/公积金缴存_202307.csv", "姓名,身份证号,缴存金额\n");
        var env = new Dictionary<string, string?>(await postgres.CreateEmptyDatabaseEnvironmentAsync()) { ["COLUMNS"] = "200" };

        var result = await ReliefmatchProcess.RunAsync(env, "import", "--input", drop.Root, "--period", "2023-07");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("未导入的文件夹（没有数据源声明这些文件夹）(folders not imported, no source declaration names them)：housing-fund", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnreachableConfiguredServer_FailsWithAClearMessage()
    {
        var env = new Dictionary<string, string?> { ["RELIEFMATCH_DB"] = "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=3" };
        var result = await ReliefmatchProcess.RunAsync(env, "run", "--input", SampleData, "--period", "2023-07", "--out", Path.Combine(Path.GetTempPath(), "unused-out"));
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("RELIEFMATCH_DB", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadPeriod_IsRefusedWithTheExpectedForm()
    {
        var result = await ReliefmatchProcess.RunAsync(new Dictionary<string, string?>(), "run", "--input", SampleData, "--period", "2023-13", "--out", "x");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("YYYY-MM", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ProxyNotAnAddress_RefusedNamingIt()
    {
        var result = await ReliefmatchProcess.RunAsync(new Dictionary<string, string?>(), "serve", "--proxy", "192.168.1.10,172.16.0.0/12,proxy.example");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--proxy“proxy.example”不是 IP 地址或网段", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_WorklistReference_NamesRuleVersionFileHashAndRow()
    {
        var env = new Dictionary<string, string?>(await postgres.CreateEmptyDatabaseEnvironmentAsync()) { ["COLUMNS"] = "250" };
        var output = TempFolder.Create("explain-out");
        try
        {
            var run = await ReliefmatchProcess.RunAsync(env, "run", "--input", SampleData, "--period", "2023-07", "--out", output, "--rules", Path.Combine(RepositoryRoot.Path, "rules"));
            Assert.True(run.ExitCode == 0, run.Error);
            var line = File.ReadLines(Path.Combine(output, "findings.csv")).First(l => l.StartsWith("deceased-recipient,", StringComparison.Ordinal));
            var reference = line.Split(',')[^1];

            var explain = await ReliefmatchProcess.RunAsync(env, "explain", reference);
            Assert.True(explain.ExitCode == 0, explain.Error);
            Assert.Contains("deceased-recipient v1", explain.Output, StringComparison.Ordinal);
            Assert.Contains("police-deaths/", explain.Output, StringComparison.Ordinal);
            var imports = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "imports.json"))).RootElement;
            Assert.Contains(imports.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()!), f => explain.Output.Contains(f, StringComparison.Ordinal));
            Assert.Matches("[0-9a-f]{64}", explain.Output);
        }
        finally
        {
            TempFolder.Delete(output);
        }
    }
}
