using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using ExcelDataReader;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Tests.SampleData;

/// <summary>The messy output, read back the way the readers will: ExcelDataReader for sheets, the encodings for CSV.</summary>
public sealed partial class SampleGeneratorTests
{
    [Fact]
    public void Write_Messy_SheetsHaveTitlesHeaderDataAndFooter()
    {
        foreach (var file in folders.MessySummary.Files.Where(f => f.Format == "XLSX"))
        {
            var rows = ReadSheet(Path.Combine(folders.Messy, file.Path));
            var names = NameHeaders(file.Source).Append("成员姓名").ToList();
            var header = rows.Take(10).ToList().FindIndex(r => r.Any(c => c is string s && names.Contains(s)));
            Assert.True(header > 0, $"{file.Path}: no title above a header in the first 10 rows");
            Assert.Contains("序号", rows[header].OfType<string>());
            var data = rows.Skip(header + 1).Where(r => r.Any(c => c is not null) && !IsFooter(r)).ToList();
            Assert.Equal(file.Rows, data.Count);
            if (file.Path.StartsWith("roster/", StringComparison.Ordinal))
            {
                Assert.True(IsFooter(rows[^1]), $"{file.Path}: no 合计 footer");
                Assert.Contains(rows[^1], c => c is double);
            }
        }
    }

    [Fact]
    public void Write_Messy_DibaoSheetHasEveryCellKindTheContractNames()
    {
        var path = Directory.GetFiles(Path.Combine(folders.Messy, "roster"), "*城乡低保*.xlsx").Single();
        var rows = ReadSheet(path);
        var headerIndex = rows.FindIndex(r => r.Contains("成员姓名"));
        var header = rows[headerIndex].Select(c => c as string ?? "").ToList();
        Assert.Contains("最近一次经济状况\n核对日期", header);
        Assert.Contains("月保障金额（元）", header);
        Assert.Contains("乡镇（街道）", header);
        Assert.Contains("联系电话", header);
        var data = rows.Skip(headerIndex + 1).Where(r => r.Any(c => c is not null) && !IsFooter(r)).ToList();
        var id = header.IndexOf("身份证号码");
        var enrolled = header.IndexOf("纳入时间");
        var amount = header.IndexOf("月保障金额（元）");

        // Two IDs Excel turned into numbers (4.50326…E+17), which must be rejected.
        var damaged = data.Where(r => r[id] is double d && d > 1e17).ToList();
        Assert.Equal(2, damaged.Count);
        Assert.All(damaged, r => Assert.Equal(IdProblem.ExcelDamaged, ResidentIdParser.ParseNumber((double)r[id]!).Problem));
        // Date cells, serial numbers in a date column, and dates as text.
        Assert.Contains(data, r => r[enrolled] is DateTime);
        Assert.Contains(data, r => r[enrolled] is double);
        Assert.Contains(data, r => r[enrolled] is string s && s.Contains('年', StringComparison.Ordinal));
        Assert.Contains(data, r => r[enrolled] is string s && s.Contains('/', StringComparison.Ordinal));
        // Amounts as numbers and as text with 元 or ￥.
        Assert.Contains(data, r => r[amount] is double);
        Assert.Contains(data, r => r[amount] is string s && (s.EndsWith('元') || s.StartsWith('￥')));
        // ID text variants that normalise to valid IDs: lower-case x, full-width digits or inner blanks.
        var texts = data.Select(r => r[id]).OfType<string>().ToList();
        Assert.Contains(texts, t => t.EndsWith('x'));
        Assert.All(texts.Where(t => t.Contains(' ', StringComparison.Ordinal) || t.Any(c => c is >= '０' and <= '９')),
            t => Assert.True(ResidentIdParser.Parse(t).IsValid, t));
        // Code-list spellings beyond the canonical ones.
        var programme = header.IndexOf("救助类别");
        Assert.Contains(data, r => r[programme] is "农村最低生活保障" or "城镇低保" or "城市最低生活保障");
    }

    [Fact]
    public void Write_Messy_LegacyIdsAsTextAndAsNumbers()
    {
        var legacy = 0;
        foreach (var path in Directory.GetFiles(Path.Combine(folders.Messy, "roster"), "*.xlsx"))
        {
            var rows = ReadSheet(path);
            var header = rows.FindIndex(r => r.Contains("序号"));
            var id = Array.FindIndex(rows[header], c => c is "身份证号码" or "公民身份号码");
            legacy += rows.Skip(header + 1).Count(r => r[id] switch
            {
                double d => ResidentIdParser.ParseNumber(d).UpgradedFrom15,
                string s => ResidentIdParser.Parse(s).UpgradedFrom15,
                _ => false,
            });
        }
        var csv = File.ReadAllLines(Directory.GetFiles(Path.Combine(folders.Messy, "roster"), "低保边缘*.csv").Single());
        var column = Array.IndexOf(csv[0].TrimStart('\uFEFF').Split(','), "成员身份证号");
        legacy += csv.Skip(1).Count(line => ResidentIdParser.Parse(line.Split(',')[column]).UpgradedFrom15);

        Assert.Equal(folders.MessySummary.Planted["15-digit legacy ID (valid)"], legacy);
    }

    [Fact]
    public void Write_Messy_SheetsAreValidOpenXml()
    {
        var validator = new OpenXmlValidator();
        foreach (var file in folders.MessySummary.Files.Where(f => f.Format == "XLSX"))
        {
            using var document = SpreadsheetDocument.Open(Path.Combine(folders.Messy, file.Path), false);
            var errors = validator.Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").Take(5).ToList();
            Assert.True(errors.Count == 0, $"{file.Path}: {string.Join("; ", errors)}");
            Assert.Null(document.CoreFilePropertiesPart);
        }
    }

    [Fact]
    public void Write_Messy_CsvCarriesTheContractsVariants()
    {
        var texts = folders.MessySummary.Files.Where(f => f.Format.StartsWith("CSV", StringComparison.Ordinal)).ToDictionary(
            f => f.Path,
            f => f.Format == "CSV GB18030" ? Gb18030().GetString(File.ReadAllBytes(Path.Combine(folders.Messy, f.Path))) : File.ReadAllText(Path.Combine(folders.Messy, f.Path)),
            StringComparer.Ordinal);
        var all = string.Join("\n", texts.Values);

        Assert.Matches(new Regex(@"(^|,)\d\.\d{5}E\+17(,|$)", RegexOptions.Multiline), all);
        Assert.Contains("\t45", all, StringComparison.Ordinal);
        Assert.Contains(",'45", all, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"\d{17}x"), all);
        Assert.Contains("00:00:00", all, StringComparison.Ordinal);
        Assert.Matches(new Regex(@",20\d{2}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}:\d{2},"), all);
        Assert.Matches(new Regex(@",20\d{6},"), all);
        Assert.Matches(new Regex(@",20\d{2}年\d{1,2}月,"), all);
        Assert.Matches(new Regex(@",""\d{1,3}(,\d{3})+\.\d{2}"""), all);
        Assert.Contains(",￥", all, StringComparison.Ordinal);
        Assert.Contains("元,", all, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"""[^""\n]*\n[^""]*"""), all);
        Assert.Contains("合计", all, StringComparison.Ordinal);
        Assert.Contains("\r\n", texts.Single(t => t.Key.Contains("公安", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        // A police station's late report has no 注销原因 column; the outpatient file has no 个人自付.
        Assert.DoesNotContain("注销原因", texts.Single(t => t.Key.Contains("补报", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        Assert.DoesNotContain("个人自付", texts.Single(t => t.Key.Contains("门诊", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        Assert.Contains("个人自付", texts.Single(t => t.Key.Contains("住院", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
    }

    private static bool IsFooter(object?[] row) =>
        row.FirstOrDefault(c => c is not null) is string s && s.StartsWith("合计", StringComparison.Ordinal);

    private static List<object?[]> ReadSheet(string path)
    {
        // ExcelDataReader's configuration asks for code page 1252 even for XLSX.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }
}
