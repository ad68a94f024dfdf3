using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Sanity;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Core.Sanity;

public class SanityThresholdsLoaderTests
{
    private const string Valid = """
        row_change_share: 0.30
        minimum_rows: 20
        rejected_share_jump: 0.05
        month_dates:
          medical: [settled_on]
        """;

    private static RuleFileException Fails(string text) =>
        Assert.Throws<RuleFileException>(() => SanityThresholdsLoader.Load(new RuleFile("settings/sanity.yaml", text)));

    [Fact]
    public void Shipped_IsTheRepositoryFile()
    {
        var file = System.IO.File.ReadAllText(Path.Combine(RepositoryRoot.Path, "rules", "settings", "sanity.yaml"));
        var loaded = SanityThresholdsLoader.Load(new RuleFile(SanityThresholds.FileName, file));

        Assert.Equal(loaded.RowChangeShare, SanityThresholds.Shipped.RowChangeShare);
        Assert.Equal(loaded.MinimumRows, SanityThresholds.Shipped.MinimumRows);
        Assert.Equal(loaded.RejectedShareJump, SanityThresholds.Shipped.RejectedShareJump);
        Assert.Equal(["settled_on"], SanityThresholds.Shipped.MonthDates["medical"]);
    }

    [Fact]
    public void Load_Valid_ReadsEveryThreshold()
    {
        var t = SanityThresholdsLoader.Load(new RuleFile("s.yaml", Valid));
        Assert.Equal(0.30m, t.RowChangeShare);
        Assert.Equal(20, t.MinimumRows);
        Assert.Equal(0.05m, t.RejectedShareJump);
        Assert.Equal(["medical"], t.MonthDates.Keys);
    }

    [Fact]
    public void Load_UnknownField_NamesFileLineAndField()
    {
        var e = Fails(Valid + "\nrow_change: 0.2\n");
        Assert.Equal("settings/sanity.yaml", e.File);
        Assert.Equal(6, e.Line);
        Assert.Contains("unknown field 'row_change'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("0")]
    [InlineData("30%")]
    public void Load_ShareOutsideZeroToOne_Refused(string share)
    {
        var e = Fails(Valid.Replace("0.30", share, StringComparison.Ordinal));
        Assert.Equal(1, e.Line);
        Assert.Contains("'row_change_share' must be a share between 0 and 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingField_Refused() =>
        Assert.Contains("missing 'minimum_rows'", Fails(Valid.Replace("minimum_rows: 20\n", "", StringComparison.Ordinal)).Message, StringComparison.Ordinal);

    [Fact]
    public void Load_UndeclaredSource_NamesIt()
    {
        var e = Fails(Valid.Replace("medical:", "payroll:", StringComparison.Ordinal));
        Assert.Equal(5, e.Line);
        Assert.Contains("'payroll'", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A declared source's month field (the payments' 发放月份) is dated as a date field is.</summary>
    [Fact]
    public void Load_MonthFieldOfADeclaredSource_Taken()
    {
        var t = SanityThresholdsLoader.Load(new RuleFile("s.yaml", Valid.Replace("medical: [settled_on]", "medical: [settled_on]\n  payments: [paid_month, paid_on]", StringComparison.Ordinal)));
        Assert.Equal(["paid_month", "paid_on"], t.MonthDates["payments"]);
    }

    [Fact]
    public void Load_FieldNotADateOfTheSource_NamesTheDateFields()
    {
        var e = Fails(Valid.Replace("[settled_on]", "[out_of_pocket]", StringComparison.Ordinal));
        Assert.Equal(5, e.Line);
        Assert.Contains("'out_of_pocket' is not a date field of medical; expected one of: settled_on", e.Message, StringComparison.Ordinal);
    }
}
