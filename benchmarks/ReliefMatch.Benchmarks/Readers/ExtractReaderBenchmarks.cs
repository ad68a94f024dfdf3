using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Readers;

namespace ReliefMatch.Benchmarks.Readers;

/// <summary>
/// Reading a medical-settlement CSV of 100 000 rows (the biggest source: 10 M rows a month at province scale)
/// into canonical records with <see cref="ExtractReader"/>: header detection, CSV parsing, ID, date and money
/// parsing. <c>Plain</c> is clean UTF-8 with ISO dates; <c>Messy</c> is GB18030 with a title row,
/// <c>2023/7/4</c> dates and <c>￥1,234.50元</c> amounts. Time is per row.
/// </summary>
[MemoryDiagnoser]
public class ExtractReaderBenchmarks
{
    public const int Rows = 100_000;

    private string _folder = "";
    private string _plain = "";
    private string _messy = "";

    [GlobalSetup]
    public void Setup()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        _folder = Path.Combine(Path.GetTempPath(), "reliefmatch-benchmarks-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(_folder);
        _plain = Path.Combine(_folder, "medical-plain.csv");
        _messy = Path.Combine(_folder, "medical-messy.csv");
        File.WriteAllText(_plain, MedicalCsv(messy: false), new UTF8Encoding(false));
        File.WriteAllText(_messy, MedicalCsv(messy: true), Encoding.GetEncoding(54936));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public decimal Plain() => ReadAll(_plain);

    [Benchmark(OperationsPerInvoke = Rows)]
    public decimal Messy() => ReadAll(_messy);

    /// <summary>The sample's county: medical rows do not depend on it, but the readers are told it as every caller tells them.</summary>
    private static readonly ExtractReaderOptions Options = new() { HomeCountyCode = "450326", HomeCountyName = "永福县" };

    private static decimal ReadAll(string path)
    {
        using var reading = ExtractReader.Open(path, SourceKind.Medical, Options);
        var total = 0m;
        foreach (var record in reading.Records())
        {
            total += ((MedicalRecord)record).OutOfPocket;
        }
        if (reading.Accepted != Rows)
        {
            throw new InvalidOperationException($"{path}: {reading.Accepted} of {Rows} rows accepted ({reading.Rejected} rejected).");
        }
        return total;
    }

    /// <summary>A deterministic file: one person in three settles more than once, a tenth are inpatients.</summary>
    public static string MedicalCsv(bool messy)
    {
        var random = new Random(20230701);
        var people = Enumerable.Range(0, Rows / 3).Select(_ => SyntheticIds.Next(random)).ToArray();
        var text = new StringBuilder(Rows * 110);
        if (messy)
        {
            text.Append("永福县医疗保障局 2023年7月 结算明细\n");
        }
        text.Append("序号,姓名,身份证号,结算日期,医疗总费用,基本医疗保险支付,大病保险支付,医疗救助支付,个人自付,就诊类型,就诊机构\n");
        for (var i = 0; i < Rows; i++)
        {
            var inpatient = i % 10 == 0;
            var total = inpatient ? random.Next(300_000, 6_000_000) : random.Next(2_000, 60_000);
            var basic = total * 6 / 10;
            var critical = inpatient ? total / 10 : 0;
            var assistance = total / 20;
            var own = total - basic - critical - assistance;
            var day = new DateOnly(2023, 1, 1).AddDays(random.Next(0, 212));
            text.Append(CultureInfo.InvariantCulture, $"{i + 1},张{(char)('一' + i % 50)}{(char)('明' + i % 7)},{people[random.Next(people.Length)]},");
            text.Append(messy ? day.ToString("yyyy/M/d", CultureInfo.InvariantCulture) : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            text.Append(',').Append(Money(total, messy)).Append(',').Append(Money(basic, messy)).Append(',').Append(Money(critical, messy))
                .Append(',').Append(Money(assistance, messy)).Append(',').Append(Money(own, messy));
            text.Append(inpatient ? ",住院," : ",门诊,").Append(inpatient ? "永福县人民医院" : "永福镇卫生院").Append('\n');
        }
        return text.ToString();
    }

    private static string Money(int cents, bool messy)
    {
        var value = cents / 100m;
        return messy ? "\"￥" + value.ToString("N2", CultureInfo.InvariantCulture) + "元\"" : value.ToString("F2", CultureInfo.InvariantCulture);
    }
}
