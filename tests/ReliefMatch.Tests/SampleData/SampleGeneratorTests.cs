using System.Text;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Sources;
using ReliefMatch.SampleData;

namespace ReliefMatch.Tests.SampleData;

public sealed partial class SampleGeneratorTests(SampleFolders folders) : IClassFixture<SampleFolders>
{
    /// <summary>One folder per shipped declaration: the six typed sources and the plan's other fourteen.</summary>
    private static readonly string[] SourceFolders = SourceCatalog.Shipped.Sources.Select(s => s.Id).ToArray();

    /// <summary>The header spellings of the person's name in files of <paramref name="source"/>.</summary>
    private static IReadOnlyList<string> NameHeaders(string source)
    {
        var declaration = SourceCatalog.Shipped.Find(source)!;
        return declaration.Field(declaration.PersonName)!.Headers;
    }

    [Fact]
    public void Write_SameSeed_SameBytesWhateverTheParallelism()
    {
        var again = folders.NewFolder("again");
        SampleGenerator.Write(again, new SampleOptions(Parallelism: 1));

        var first = Snapshot(folders.Messy);
        var second = Snapshot(again);
        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), second.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in first)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(second[path]), $"{path} differs between two runs of the same seed");
        }
    }

    [Fact]
    public void Write_OriginalSourcesOnly_TheSixSourcesWithTheSameBytesAndNothingElse()
    {
        var original = folders.NewFolder("original-only");
        SampleGenerator.Write(original, new SampleOptions(OriginalSourcesOnly: true));

        // The extracts (in their source's folder), not the note beside them, which lists what was written.
        var all = Snapshot(folders.Messy).Where(f => f.Key.Contains('/')).ToDictionary(StringComparer.Ordinal);
        var six = Snapshot(original).Where(f => f.Key.Contains('/')).ToDictionary(StringComparer.Ordinal);
        var sixSources = SourceKinds.All.Select(k => k.Id()).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(sixSources.Order(StringComparer.Ordinal),
            six.Keys.Select(p => p.Split('/')[0]).Distinct().Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in six)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(all[path]), $"{path} differs from the same source's file in a sample of every source");
        }
        Assert.Equal(all.Keys.Count(p => sixSources.Contains(p.Split('/')[0])), six.Count);
    }

    [Fact]
    public void Write_DifferentSeed_DifferentBytes()
    {
        var other = folders.NewFolder("other-seed");
        SampleGenerator.Write(other, new SampleOptions(Seed: 7));

        var first = Snapshot(folders.Messy);
        var second = Snapshot(other);
        foreach (var (path, bytes) in first.Where(f => !f.Key.EndsWith(SampleGenerator.ReadmeName, StringComparison.Ordinal)))
        {
            Assert.True(second.ContainsKey(path), $"{path} missing for another seed");
            Assert.False(bytes.AsSpan().SequenceEqual(second[path]), $"{path} is the same for another seed");
        }
    }

    [Fact]
    public void Write_Messy_WritesEverySourceFolderAndTheNote()
    {
        foreach (var source in SourceFolders)
        {
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(folders.Messy, source)));
        }
        Assert.True(File.Exists(Path.Combine(folders.Messy, SampleGenerator.ReadmeName)));
        Assert.All(folders.MessySummary.Files, f => Assert.True(File.Exists(Path.Combine(folders.Messy, f.Path)), f.Path));
        Assert.Equal(SourceFolders.Length, folders.MessySummary.RowsBySource.Count(r => r.Value > 0));
        Assert.Equal(20, SourceFolders.Length);
    }

    [Fact]
    public void Write_Messy_FilesUseTheirEncodings()
    {
        var files = folders.MessySummary.Files;
        Assert.Contains(files, f => f.Format == "XLSX" && f.Source == "roster");
        Assert.Contains(files, f => f.Format == "XLSX" && f.Source == "disability");
        Assert.Contains(files, f => f.Format == "CSV GB18030");
        Assert.Contains(files, f => f.Format == "CSV UTF-8 (BOM)");
        Assert.Contains(files, f => f.Format == "CSV UTF-8");
        var strictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(folders.Messy, file.Path));
            var bom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
            switch (file.Format)
            {
                case "XLSX":
                    Assert.True(bytes.AsSpan().StartsWith("PK\u0003\u0004"u8), $"{file.Path} is not a zip package");
                    Assert.EndsWith(".xlsx", file.Path, StringComparison.Ordinal);
                    break;
                case "CSV UTF-8 (BOM)":
                    Assert.True(bom, $"{file.Path} has no BOM");
                    AssertNamesThePerson(file, strictUtf8.GetString(bytes, 3, bytes.Length - 3));
                    break;
                case "CSV UTF-8":
                    Assert.False(bom, $"{file.Path} has a BOM");
                    AssertNamesThePerson(file, strictUtf8.GetString(bytes));
                    break;
                case "CSV GB18030":
                    Assert.False(bom, $"{file.Path} has a BOM");
                    Assert.ThrowsAny<DecoderFallbackException>(() => strictUtf8.GetString(bytes));
                    var header = AssertNamesThePerson(file, Gb18030().GetString(bytes));
                    // 姓 is D0 D5 in GBK, the double-byte core of GB18030: the header is there in GB18030's bytes.
                    Assert.True(bytes.AsSpan().IndexOf(Gb18030().GetBytes(header)) >= 0, $"{file.Path} has no GB18030 {header}");
                    break;
                default:
                    Assert.Fail($"{file.Path}: unexpected format {file.Format}");
                    break;
            }
        }
    }

    [Fact]
    public void Write_Plain_EverySourceAsUtf8CsvWithTheContractsFirstHeaders()
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["roster"] = "区划代码,县(区),乡镇(街道),村(社区),家庭编号,户主姓名,户主身份证号,姓名,身份证号,与户主关系,救助类别,供养方式,保障状态,纳入时间,月保障金额,最近核对日期,最近入户调查日期,劳动能力,收入是否稳定",
            ["police-deaths"] = "姓名,公民身份号码,性别,出生日期,死亡日期,注销日期,注销原因,户籍地址,派出所",
            ["health-deaths"] = "死者姓名,身份证件号码,性别,出生日期,死亡日期,死亡地点,根本死因,报告单位",
            ["disability"] = "姓名,身份证号,残疾人证号,残疾类别,残疾等级,发证日期,证件状态,乡镇(街道),村(社区)",
            ["medical"] = "姓名,身份证号,结算日期,医疗总费用,基本医疗保险支付,大病保险支付,医疗救助支付,个人自付,就诊类型,就诊机构",
            ["monitoring"] = "姓名,身份证号,户编号,与户主关系,监测对象类别,主要风险,识别时间,风险是否消除,家庭年人均纯收入,乡镇(街道),村(社区)",
        };
        // The plan's other sources: every declared field, under its first spelling, in declared order.
        foreach (var source in SourceCatalog.Shipped.Sources.Where(s => !expected.ContainsKey(s.Id)))
        {
            expected[source.Id] = string.Join(',', source.Fields.Select(f => f.Headers[0]));
        }
        var files = folders.PlainSummary.Files;
        Assert.Equal(SourceFolders.Order(StringComparer.Ordinal), files.Select(f => f.Source).Distinct().Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            Assert.Equal("CSV UTF-8", file.Format);
            var path = Path.Combine(folders.Plain, file.Path);
            var bytes = File.ReadAllBytes(path);
            Assert.False(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]), $"{file.Path} has a BOM");
            Assert.DoesNotContain((byte)'"', bytes);
            Assert.DoesNotContain((byte)'\r', bytes);
            var (header, rows) = PlainCsv.Read(path);
            Assert.Equal(expected[file.Source], string.Join(',', header));
            Assert.Equal(file.Rows, rows.Count);
        }
    }

    [Fact]
    public void Write_ProportionsToHouseholds_AsDesigned()
    {
        var summary = SampleGenerator.Write(folders.NewFolder("proportions"), new SampleOptions(Households: 3000, Plain: true, Seed: 11));
        double Per(SourceKind kind) => summary.RowsBySource[kind.Id()] / 3000.0;

        Assert.InRange(Per(SourceKind.Roster), 2.6, 3.2);
        Assert.InRange(Per(SourceKind.PoliceDeaths), 0.6, 0.8);
        Assert.InRange(Per(SourceKind.HealthDeaths), 0.15, 0.25);
        Assert.InRange(Per(SourceKind.PoliceDeaths) + Per(SourceKind.HealthDeaths), 0.8, 1.1);
        Assert.InRange(Per(SourceKind.Disability), 1.45, 1.55);
        Assert.InRange(Per(SourceKind.Medical), 9.0, 11.5);
        Assert.InRange(Per(SourceKind.Monitoring), 0.98, 1.1);
    }

    [Fact]
    public void Write_Plain_SameRecordsAsMessy()
    {
        // Plain and messy output of one seed describe the same county: the same people on the roster, the same
        // certificates, the same number of settlements.
        foreach (var source in SourceFolders)
        {
            Assert.Equal(folders.MessySummary.RowsBySource[source], folders.PlainSummary.RowsBySource[source]);
        }
        Assert.Equal(folders.MessySummary.Planted, folders.PlainSummary.Planted);
    }

    [Fact]
    public void Write_FolderWithOtherExtracts_RefusesAndLeavesThem()
    {
        var folder = folders.NewFolder("foreign");
        Directory.CreateDirectory(Path.Combine(folder, "roster"));
        var theirs = Path.Combine(folder, "roster", "花名册.csv");
        File.WriteAllText(theirs, "姓名\n");

        var e = Assert.Throws<InvalidOperationException>(() => SampleGenerator.Write(folder, new SampleOptions()));
        Assert.Contains("no sample wrote", e.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(theirs));
    }

    [Fact]
    public void Write_AgainIntoASampleFolder_ReplacesTheOldExtracts()
    {
        var folder = folders.NewFolder("rewrite");
        SampleGenerator.Write(folder, new SampleOptions(Households: 50));
        var plain = SampleGenerator.Write(folder, new SampleOptions(Households: 50, Plain: true));

        var onDisk = SourceFolders.SelectMany(s => Directory.GetFiles(Path.Combine(folder, s)))
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(plain.Files.Select(f => f.Path).Order(StringComparer.Ordinal), onDisk);
    }

    [Fact]
    public void Write_AnotherPeriod_DatesAndNamesFollowIt()
    {
        var folder = folders.NewFolder("period");
        var summary = SampleGenerator.Write(folder, new SampleOptions(Households: 200, Plain: true, Period: new(2024, 2)));

        Assert.All(summary.Files, f => Assert.Contains("202402", f.Path, StringComparison.Ordinal));
        var roster = PlainCsv.Rows(folder, "roster").ToList();
        // 2023-08-29 + 6 months = 2024-02-29 = end(P): on the boundary.
        Assert.Contains(roster, r => r["最近核对日期"] == "2023-08-29");
        Assert.Contains(roster, r => r["最近核对日期"] == "2023-08-28");
        Assert.All(roster, r => Assert.True(string.CompareOrdinal(r["纳入时间"], "2024-02-29") <= 0, r["纳入时间"]));
        var settled = PlainCsv.Rows(folder, "medical").Select(r => r["结算日期"]).ToList();
        Assert.True(string.CompareOrdinal(settled.Min(StringComparer.Ordinal), "2023-02-01") >= 0);
        Assert.Equal("2024-02-29", settled.Max(StringComparer.Ordinal));
        // The 12 months ending end(P) start on 2023-03-01; the planted cases sit on both sides of that edge.
        Assert.Contains("2023-03-01", settled);
        Assert.Contains("2023-02-28", settled);
    }

    [Fact]
    public void Write_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleGenerator.Write(folders.NewFolder("bad"), new SampleOptions(Households: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleGenerator.Write(folders.NewFolder("bad"), new SampleOptions(Households: SampleOptions.MaxHouseholds + 1)));
    }

    [Fact]
    public void Write_Summary_ReportsFilesRowsAndTime()
    {
        var summary = folders.MessySummary;
        Assert.Equal(summary.Files.Select(f => f.Path).Order(StringComparer.Ordinal), summary.Files.Select(f => f.Path));
        Assert.All(summary.Files, f => Assert.Equal(new FileInfo(Path.Combine(folders.Messy, f.Path)).Length, f.Bytes));
        Assert.Equal(summary.Files.Sum(f => f.Rows), summary.TotalRows);
        Assert.True(summary.Elapsed > TimeSpan.Zero);
        Assert.Equal(new SampleOptions(), summary.Options);
        Assert.Contains(summary.Planted, p => p.Key.StartsWith("deceased-recipient", StringComparison.Ordinal) && p.Value > 0);
    }

    /// <summary>The text names the person under one of the declared spellings; returns that spelling.</summary>
    private static string AssertNamesThePerson(SampleFile file, string text)
    {
        var header = NameHeaders(file.Source).FirstOrDefault(h => text.Contains(h, StringComparison.Ordinal));
        Assert.NotNull(header);
        return header;
    }

    internal static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
}
