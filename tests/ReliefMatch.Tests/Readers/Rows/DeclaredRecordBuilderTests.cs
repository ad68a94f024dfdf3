using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Sources;
using ReliefMatch.Readers;

namespace ReliefMatch.Tests.Readers.Rows;

/// <summary>
/// A source known by its declaration alone is read field by field by the declared types: the values, the 万元 unit,
/// the spellings of a month, and the rows refused (with file, row, column and value) or skipped.
/// </summary>
public sealed class DeclaredRecordBuilderTests : IDisposable
{
    private const string Declaration = """
        id: grants
        names: {zh: 临时救助发放, en: temporary aid grants}
        department: 民政
        policy: history
        identity: [id_number, name]
        fields:
          - {name: name, type: name, required: true, headers: [姓名]}
          - {name: id_number, type: resident-id, required: true, headers: [身份证号]}
          - {name: item, type: code, codes: programme, headers: [救助类别]}
          - {name: way, type: code, codes: [现金, 实物], headers: [救助方式]}
          - {name: paid_month, type: month, required: true, headers: [发放月份]}
          - {name: paid_on, type: date, headers: [发放日期]}
          - {name: amount, type: money, headers: [发放金额]}
          - {name: persons, type: number, headers: [救助人数]}
          - {name: certificate, type: certificate-no, headers: [证书编号]}
          - {name: state, type: text, headers: [状态]}
        filters:
          - field: state
            keep: [正常]
            when_absent: keep
            otherwise: skip
        """;

    private static readonly SourceDeclaration Grants = SourceDeclarationLoader.Load(new RuleFile("grants.yaml", Declaration));
    private static readonly string Id1 = TestIds.Make("19800101", 123);
    private readonly TestExtracts files = new();

    public void Dispose() => files.Dispose();

    private (ExtractReading Reading, List<DeclaredRecord> Records) Read(params string[] lines)
    {
        using var reading = ExtractReader.Open(files.Csv(lines), Grants, TestExtracts.Options, "grants/发放.csv");
        var records = reading.Records().Cast<DeclaredRecord>().ToList();
        Assert.Equal(reading.RowsRead, reading.Accepted + reading.Rejected + reading.Skipped);
        return (reading, records);
    }

    private static object? Value(DeclaredRecord record, string field) => record.Values[Grants.Fields.ToList().FindIndex(f => f.Name == field)];

    [Fact]
    public void Build_EveryType_ValuesAsTheirTypesHoldThem()
    {
        var (reading, records) = Read(
            "姓名,身份证号,救助类别,救助方式,发放月份,发放日期,发放金额,救助人数,证书编号,状态",
            $"张三,{Id1},城镇低保,现金,2023年7月,2023/7/4,\"1,234.50元\",3,＝'ab 12,正常");

        var record = Assert.Single(records);
        Assert.Equal(SourceRef.Of(Grants), record.Source);
        Assert.Equal("grants", record.Source.Id);
        Assert.Equal("张三", record.Name);
        Assert.Equal(Id1, record.Id.Text);
        Assert.True(record.Id.IsValid);
        Assert.Null(Value(record, "id_number"));
        Assert.Equal("urban-dibao", Value(record, "item"));
        Assert.Equal("现金", Value(record, "way"));
        Assert.Equal(new ReportingMonth(2023, 7), Value(record, "paid_month"));
        Assert.Equal(new DateOnly(2023, 7, 4), Value(record, "paid_on"));
        Assert.Equal(1234.50m, Value(record, "amount"));
        Assert.Equal(3m, Value(record, "persons"));
        Assert.Equal("AB12", Value(record, "certificate"));
        Assert.Equal(["name", "id_number", "item", "way", "paid_month", "paid_on", "amount", "persons", "certificate", "state"], reading.PresentFields);
    }

    [Theory]
    [InlineData("发放金额(万元)")]
    [InlineData("发放金额（万元）")]
    [InlineData("发放金额 (单位：万元)")]
    public void Build_HeaderSaysTenThousand_AmountsInYuan(string header)
    {
        var (_, records) = Read($"姓名,身份证号,发放月份,{header}", $"张三,{Id1},2023-07,1.25", $"李四,{Id1},2023-07,");

        Assert.Equal([12_500m, null], records.Select(r => (decimal?)Value(r, "amount")));
    }

    [Fact]
    public void Build_HeaderInYuan_AmountsAsWritten()
    {
        var (_, records) = Read("姓名,身份证号,发放月份,发放金额(元)", $"张三,{Id1},2023-07,1.25");

        Assert.Equal(1.25m, Value(Assert.Single(records), "amount"));
    }

    [Theory]
    [InlineData("2023-07")]
    [InlineData("2023年7月")]
    [InlineData("2023年07月")]
    [InlineData("202307")]
    [InlineData("2023/07")]
    [InlineData("2023.7")]
    [InlineData("2023-07-31")]
    [InlineData("2023年7月15日")]
    public void Build_MonthSpellings_EachTheMonth(string spelling)
    {
        var (_, records) = Read("姓名,身份证号,发放月份", $"张三,{Id1},{spelling}");

        Assert.Equal(new ReportingMonth(2023, 7), Value(Assert.Single(records), "paid_month"));
    }

    [Fact]
    public void Build_MonthInSpreadsheetCells_NumberOrDateTheMonth()
    {
        var path = files.NewPath(".xlsx");
        new TestWorkbook().Sheet("发放")
            .Row(1, "姓名", "身份证号", "发放月份")
            .Row(2, "张三", Id1, 202307)
            .Row(3, "李四", Id1, new TestWorkbook.DateCell(new DateTime(2023, 8, 14)))
            .Save(path);
        using var reading = ExtractReader.Open(path, Grants, TestExtracts.Options);

        Assert.Equal([new ReportingMonth(2023, 7), new ReportingMonth(2023, 8)], reading.Records().Select(r => Value((DeclaredRecord)r, "paid_month")));
    }

    [Fact]
    public void Build_CodeOutsideItsList_RowRejectedNamingFileRowColumnAndValue()
    {
        var (reading, records) = Read("姓名,身份证号,救助方式,发放月份", $"张三,{Id1},现金,2023-07", $"李四,{Id1},转账,2023-07");

        Assert.Single(records);
        var report = reading.ToReport("", 0);
        Assert.Equal("grants/发放.csv", report.File);
        var reject = Assert.Single(report.Rejects);
        Assert.Equal((3, "救助方式", "转账"), (reject.Row, reject.Column, reject.Value));
        Assert.Equal("无法识别的救助方式", reject.Reason);
    }

    [Fact]
    public void Build_NamedCodeListValueUnknown_RowRejected()
    {
        var (reading, _) = Read("姓名,身份证号,救助类别,发放月份", $"张三,{Id1},耕地地力保护补贴,2023-07");

        Assert.Equal(("救助类别", "耕地地力保护补贴"), (reading.Rejects[0].Column, reading.Rejects[0].Value));
    }

    [Fact]
    public void Build_RequiredCellEmpty_RowRejectedWithTheReason()
    {
        var (reading, records) = Read("姓名,身份证号,发放月份", $"张三,{Id1},", $",{Id1},2023-07");

        Assert.Empty(records);
        Assert.Equal([(2, "发放月份", "发放月份为空"), (3, "姓名", "姓名为空")],
            reading.Rejects.Select(r => (r.Row, r.Column, r.Reason)));
    }

    [Fact]
    public void Build_NotAMonthNotADateNotANumber_RowsRejectedEachWithItsReason()
    {
        var (reading, _) = Read("姓名,身份证号,发放月份,发放日期,发放金额,救助人数",
            $"张三,{Id1},七月,,,", $"张三,{Id1},2023-07,昨天,,", $"张三,{Id1},2023-07,,很多,", $"张三,{Id1},2023-07,,,三");

        Assert.Equal(["无法识别的月份", "无法识别的日期",
            "无法识别的金额", "无法识别的数字"],
            reading.Rejects.Select(r => r.Reason));
    }

    [Fact]
    public void Build_IdMissingWhereRequired_RowRejected_AndFifteenDigitsUpgraded()
    {
        var (reading, records) = Read("姓名,身份证号,发放月份", "张三,,2023-07", "李四,450326800101123,2023-07");

        Assert.Equal(IdProblem.Missing.Describe(), Assert.Single(reading.Rejects).Reason);
        var upgraded = Assert.Single(records).Id;
        Assert.True(upgraded.UpgradedFrom15);
        Assert.Equal(TestIds.Make("19800101", 123), upgraded.Text);
    }

    [Fact]
    public void Build_RowTheFilterDoesNotKeep_SkippedNotRejected()
    {
        var (reading, records) = Read("姓名,身份证号,发放月份,状态", $"张三,{Id1},2023-07,正常", $"李四,{Id1},2023-07,已撤销");

        Assert.Equal(["张三"], records.Select(r => r.Name));
        Assert.Equal((1, 0, 1), (reading.Accepted, reading.Rejected, reading.Skipped));
    }

    /// <summary>The grants, with rows whose 状态 is not 正常 kept as no evidence instead of skipped.</summary>
    private static readonly SourceDeclaration KeptGrants = SourceDeclarationLoader.Load(new RuleFile("grants.yaml",
        Declaration.Replace("otherwise: skip", "otherwise: keep-as-non-evidence", StringComparison.Ordinal)));

    [Fact]
    public void Build_KeepAsNonEvidenceFilter_EveryRowAcceptedThoseItHoldsBackMarked()
    {
        using var reading = ExtractReader.Open(files.Csv("姓名,身份证号,发放月份,状态", $"张三,{Id1},2023-07,正常", $"李四,{Id1},2023-07,已退回", $"王五,{Id1},2023-07,"),
            KeptGrants, TestExtracts.Options);
        var records = reading.Records().Cast<DeclaredRecord>().ToList();

        Assert.Equal((3, 0, 0), (reading.Accepted, reading.Skipped, reading.Rejected));
        Assert.Equal([("张三", true), ("李四", false), ("王五", false)], records.Select(r => (r.Name, r.IsEvidence)));
    }

    [Fact]
    public void Build_KeepAsNonEvidenceFilterColumnAbsent_AsWhenAbsentSays()
    {
        using var reading = ExtractReader.Open(files.Csv("姓名,身份证号,发放月份", $"张三,{Id1},2023-07"), KeptGrants, TestExtracts.Options);
        Assert.True(Assert.IsType<DeclaredRecord>(Assert.Single(reading.Records())).IsEvidence);
    }

    [Fact]
    public void Open_RequiredColumnMissing_RefusedNamingTheSourceAndColumn()
    {
        var e = Assert.Throws<ExtractRefusedException>(() => ExtractReader.Open(files.Csv("姓名,身份证号", $"张三,{Id1}"), Grants, TestExtracts.Options, "grants/发放.csv"));

        Assert.Contains("临时救助发放的必需列：发放月份", e.Reason, StringComparison.Ordinal);
        TestExtracts.AssertChinese(e.Reason);
    }
}
