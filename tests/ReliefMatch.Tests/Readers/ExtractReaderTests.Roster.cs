using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Readers;

namespace ReliefMatch.Tests.Readers;

/// <summary>民政 救助对象花名册.</summary>
public sealed partial class ExtractReaderTests
{
    private const string RosterHeader = "乡镇,家庭编号,姓名,身份证号,救助类别,保障状态";

    private List<RosterRecord> Roster(string extraHeaders, string row, ExtractReaderOptions? options = null) =>
        ReadRoster(extraHeaders, row, options).Records.Cast<RosterRecord>().ToList();

    private (ExtractReading Reading, List<ExtractRecord> Records) ReadRoster(string extraHeaders, string row, ExtractReaderOptions? options = null) =>
        TestExtracts.ReadAll(files.Csv(RosterHeader + (extraHeaders.Length > 0 ? "," + extraHeaders : ""), row), SourceKind.Roster, options);

    [Fact]
    public void Records_RosterFixture_EveryFieldRead()
    {
        var roster = TestExtracts.ReadAll<RosterRecord>(TestExtracts.Fixture("roster.csv"), SourceKind.Roster);
        var head = roster[0];
        Assert.Equal("450326", head.CountyCode);
        Assert.Equal("永福县", head.County);
        Assert.Equal("永福镇", head.Township);
        Assert.Equal("城北社区", head.Village);
        Assert.Equal("H001", head.HouseholdId);
        Assert.Equal("张三", head.HeadName);
        Assert.Equal("450326198001011239", head.HeadIdNumber);
        Assert.Equal("张三", head.Name);
        Assert.True(head.Id.IsValid);
        Assert.Equal("450326198001011239", head.Id.Text);
        Assert.Equal("户主", head.Relation);
        Assert.True(head.IsHead);
        Assert.Equal(Programme.RuralDibao, head.Programme);
        Assert.Null(head.SupportMode);
        Assert.Equal(EnrolmentStatus.Active, head.Status);
        Assert.Equal(new DateOnly(2020, 3, 1), head.EnrolledOn);
        Assert.Equal(1234.50m, head.MonthlyAmount);
        Assert.Equal(new DateOnly(2023, 1, 31), head.LastCheckOn);
        Assert.Equal(new DateOnly(2023, 3, 5), head.LastVisitOn);
        Assert.Equal(WorkAbility.Able, head.WorkAbility);
        Assert.False(head.IncomeStable);

        var spouse = roster[1];
        Assert.Equal("45032619381111822X", spouse.Id.Text);
        Assert.True(spouse.Id.IsValid);
        Assert.Equal(620m, spouse.MonthlyAmount);
        Assert.Equal(new DateOnly(2023, 1, 31), spouse.LastCheckOn);
        Assert.Equal(new DateOnly(2023, 3, 1), spouse.LastVisitOn);
        Assert.Equal(WorkAbility.Unable, spouse.WorkAbility);

        var tekun = roster[2];
        Assert.Equal("450326", tekun.CountyCode);
        Assert.Equal("450326194506203115", tekun.Id.Text);
        Assert.True(tekun.Id.UpgradedFrom15);
        Assert.Equal("450326194506203115", tekun.HeadIdNumber);
        Assert.Equal(Programme.Tekun, tekun.Programme);
        Assert.Equal(SupportMode.Dispersed, tekun.SupportMode);
        Assert.Equal(EnrolmentStatus.PhasingOut, tekun.Status);
        Assert.True(tekun.IsEnrolled);
        Assert.Equal(new DateOnly(2019, 5, 6), tekun.EnrolledOn);
        Assert.Equal(800m, tekun.MonthlyAmount);
        Assert.Null(tekun.LastCheckOn);
        Assert.Equal(WorkAbility.PartlyAble, tekun.WorkAbility);
        Assert.True(tekun.IncomeStable);

        var noId = roster[3];
        Assert.Equal("450326", noId.CountyCode);
        Assert.Equal(IdProblem.Missing, noId.Id.Problem);
        Assert.Null(noId.HeadIdNumber);
        Assert.Equal(EnrolmentStatus.Stopped, noId.Status);
        Assert.False(noId.IsEnrolled);
        Assert.Equal(0m, noId.MonthlyAmount);
    }

    [Theory]
    [InlineData("城市低保", Programme.UrbanDibao)]
    [InlineData("城镇低保", Programme.UrbanDibao)]
    [InlineData("城市最低生活保障", Programme.UrbanDibao)]
    [InlineData("农村低保", Programme.RuralDibao)]
    [InlineData("农村最低生活保障", Programme.RuralDibao)]
    [InlineData("特困供养", Programme.Tekun)]
    [InlineData("特困人员", Programme.Tekun)]
    [InlineData("特困", Programme.Tekun)]
    [InlineData("特困人员救助供养", Programme.Tekun)]
    [InlineData("低保边缘", Programme.Edge)]
    [InlineData("低保边缘家庭", Programme.Edge)]
    [InlineData("低边", Programme.Edge)]
    [InlineData("支出型困难", Programme.Expenditure)]
    [InlineData("支出型困难家庭", Programme.Expenditure)]
    [InlineData("刚性支出困难家庭", Programme.Expenditure)]
    [InlineData(" 农村低保 ", Programme.RuralDibao)]
    public void Records_RosterProgrammeSpelling_Canonical(string spelling, Programme expected) =>
        Assert.Equal(expected, Assert.Single(Roster("", $"永福镇,H1,张三,{Id1},\"{spelling}\",在保")).Programme);

    [Theory]
    [InlineData("在保", EnrolmentStatus.Active)]
    [InlineData("正常", EnrolmentStatus.Active)]
    [InlineData("在享", EnrolmentStatus.Active)]
    [InlineData("享受中", EnrolmentStatus.Active)]
    [InlineData("渐退", EnrolmentStatus.PhasingOut)]
    [InlineData("渐退期", EnrolmentStatus.PhasingOut)]
    [InlineData("停保", EnrolmentStatus.Stopped)]
    [InlineData("已停保", EnrolmentStatus.Stopped)]
    [InlineData("终止", EnrolmentStatus.Stopped)]
    [InlineData("退出", EnrolmentStatus.Stopped)]
    public void Records_RosterStatusSpelling_Canonical(string spelling, EnrolmentStatus expected) =>
        Assert.Equal(expected, Assert.Single(Roster("", $"永福镇,H1,张三,{Id1},特困,{spelling}")).Status);

    [Theory]
    [InlineData("集中供养", SupportMode.Centralised)]
    [InlineData("分散供养", SupportMode.Dispersed)]
    public void Records_RosterSupportModeSpelling_Canonical(string spelling, SupportMode expected) =>
        Assert.Equal(expected, Assert.Single(Roster("供养方式", $"永福镇,H1,张三,{Id1},特困,在保,{spelling}")).SupportMode);

    [Theory]
    [InlineData("有劳动能力", WorkAbility.Able)]
    [InlineData("丧失部分劳动能力", WorkAbility.PartlyAble)]
    [InlineData("无劳动能力", WorkAbility.Unable)]
    public void Records_RosterWorkAbilitySpelling_Canonical(string spelling, WorkAbility expected) =>
        Assert.Equal(expected, Assert.Single(Roster("劳动能力", $"永福镇,H1,张三,{Id1},农村低保,在保,{spelling}")).WorkAbility);

    [Theory]
    [InlineData("是", true)]
    [InlineData("否", false)]
    public void Records_RosterIncomeStableSpelling_Canonical(string spelling, bool expected) =>
        Assert.Equal(expected, Assert.Single(Roster("收入来源是否固定", $"永福镇,H1,张三,{Id1},农村低保,在保,{spelling}")).IncomeStable);

    [Fact]
    public void Records_RosterOptionalFieldsBlank_Null()
    {
        var r = Assert.Single(Roster("供养方式,劳动能力,收入是否稳定,纳入时间,最近核对日期,村", $"永福镇,H1,张三,{Id1},农村低保,在保,,,,,,"));
        Assert.Equal((null, null, null, null, null, null), (r.SupportMode, r.WorkAbility, r.IncomeStable, r.EnrolledOn, r.LastCheckOn, r.Village));
        Assert.Null(r.MonthlyAmount);
    }

    [Fact]
    public void Records_RosterWithoutCountyColumn_HomeCounty() =>
        Assert.Equal("450326", Assert.Single(Roster("", $"永福镇,H1,张三,{Id1},农村低保,在保")).CountyCode);

    [Fact]
    public void Records_RosterHomeCountyOption_UsedForBlankAndAbsent()
    {
        var options = TestExtracts.Options with { HomeCountyCode = "450321" };
        Assert.Equal("450321", Assert.Single(Roster("", $"永福镇,H1,张三,{Id1},农村低保,在保", options)).CountyCode);
        Assert.Equal("450321", Assert.Single(Roster("区划代码", $"永福镇,H1,张三,{Id1},农村低保,在保,", options)).CountyCode);
    }

    [Theory]
    [InlineData("永福县", "450326")]
    [InlineData("永福", "450326")]
    [InlineData("", "450326")]
    [InlineData("临桂区", "临桂区")]
    public void Records_RosterCountyNameWithoutCode_OtherCountyKeptApart(string county, string expected) =>
        Assert.Equal(expected, Assert.Single(Roster("县(区)", $"永福镇,H1,张三,{Id1},农村低保,在保,{county}")).CountyCode);

    [Fact]
    public void Records_RosterCodeAndOtherCountyName_CodeWins() =>
        Assert.Equal("450326", Assert.Single(Roster("区划代码,县区", $"永福镇,H1,张三,{Id1},农村低保,在保,450326,临桂区")).CountyCode);

    [Theory]
    [InlineData("450327", "450327")]
    [InlineData("450327000000", "450327")]
    [InlineData("450327100", "450327")]
    [InlineData(" 450326 ", "450326")]
    public void Records_RosterCountyCode_SixDigits(string cell, string expected) =>
        Assert.Equal(expected, Assert.Single(Roster("行政区划代码", $"永福镇,H1,张三,{Id1},农村低保,在保,{cell}")).CountyCode);

    [Theory]
    [InlineData("450326198001011238", IdProblem.WrongCheckCharacter)]
    [InlineData("450326198002301231", IdProblem.ImpossibleBirthDate)]
    [InlineData("45032619800101123", IdProblem.WrongLength)]
    [InlineData("", IdProblem.Missing)]
    public void Records_RosterInvalidOrMissingId_AcceptedWithTheProblem(string id, IdProblem problem)
    {
        var (reading, records) = ReadRoster("", $"永福镇,H1,张三,{id},农村低保,在保");
        var r = Assert.IsType<RosterRecord>(Assert.Single(records));
        Assert.False(r.Id.IsValid);
        Assert.Equal(problem, r.Id.Problem);
        Assert.Equal(0, reading.Rejected);
    }

    [Theory]
    [InlineData("4.50326E+17")]
    [InlineData("450326198001011000")]
    public void Records_RosterExcelDamagedId_Rejected(string id)
    {
        var (reading, records) = ReadRoster("", $"永福镇,H1,张三,{id},农村低保,在保");
        Assert.Empty(records);
        Assert.Equal(new RejectedRow(2, "身份证号", id, IdProblem.ExcelDamaged.Describe()), Assert.Single(reading.Rejects));
    }

    [Theory]
    [InlineData(",H1,张三,{0},农村低保,在保", "乡镇", "乡镇为空")]
    [InlineData("永福镇,,张三,{0},农村低保,在保", "家庭编号", "家庭编号为空")]
    [InlineData("永福镇,H1,,{0},农村低保,在保", "姓名", "姓名为空")]
    [InlineData("永福镇,H1,张三,{0},,在保", "救助类别", "救助类别为空")]
    [InlineData("永福镇,H1,张三,{0},农村低保,", "保障状态", "保障状态为空")]
    public void Records_RosterRequiredValueEmpty_RejectedNamingColumn(string row, string column, string reason)
    {
        var (reading, records) = ReadRoster("", string.Format(System.Globalization.CultureInfo.InvariantCulture, row, Id1));
        Assert.Empty(records);
        Assert.Equal(new RejectedRow(2, column, "", reason), Assert.Single(reading.Rejects));
    }

    [Theory]
    [InlineData("救助类别", "永福镇,H1,张三,{0},临时救助,在保", "临时救助", "无法识别的救助类别")]
    [InlineData("保障状态", "永福镇,H1,张三,{0},农村低保,暂停", "暂停", "无法识别的保障状态")]
    [InlineData("供养方式", "永福镇,H1,张三,{0},特困,在保,居家,,,", "居家", "无法识别的供养方式")]
    [InlineData("劳动能力", "永福镇,H1,张三,{0},特困,在保,,弱,,", "弱", "无法识别的劳动能力")]
    [InlineData("纳入日期", "永福镇,H1,张三,{0},特困,在保,,,2020-13-01,", "2020-13-01", "无法识别的日期")]
    [InlineData("保障金额", "永福镇,H1,张三,{0},特困,在保,,,,六百", "六百", "无法识别的金额")]
    public void Records_RosterValueNotParsed_RejectedNamingColumn(string column, string row, string value, string reason)
    {
        var (reading, records) = ReadRoster("供养方式,劳动能力,纳入日期,保障金额", string.Format(System.Globalization.CultureInfo.InvariantCulture, row, Id1));
        Assert.Empty(records);
        Assert.Equal(new RejectedRow(2, column, value, reason), Assert.Single(reading.Rejects));
    }

    [Fact]
    public void Records_RosterRejectedRow_OtherRowsKept()
    {
        var path = files.Csv(RosterHeader, $"永福镇,H1,张三,{Id1},农村低保,在保", $"永福镇,H1,李四,{Id2},救济,在保", $"永福镇,H2,王五,{Id2},特困,在保");
        var (reading, records) = TestExtracts.ReadAll(path, SourceKind.Roster);
        Assert.Equal(["张三", "王五"], records.Select(r => r.Name));
        Assert.Equal(3, Assert.Single(reading.Rejects).Row);
    }
}
