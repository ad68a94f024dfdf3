using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sources;
using ReliefMatch.Tests.Core.Matching;

namespace ReliefMatch.Tests.Core.Sources;

public sealed class DeclaredTableBuilderTests
{
    private static readonly SourceDeclaration Payments = TestSources.Of("payments");

    private static int Field(string name) => Payments.Fields.ToList().FindIndex(f => f.Name == name);

    private static DeclaredTable.Builder Rows(params (long Extract, int Row, decimal? Amount, string? Account)[] rows)
    {
        var builder = new DeclaredTable.Builder(Payments);
        foreach (var (extract, row, amount, account) in rows)
        {
            builder.Add(extract, row, "张三", ParsedId.Missing);
            builder.SetMonth(Field("paid_month"), new ReportingMonth(2023, 7));
            if (amount is { } a)
            {
                builder.SetAmount(Field("amount"), a);
            }
            builder.SetText(Field("account"), account);
        }
        return builder;
    }

    [Fact]
    public void Build_RowsAddedOutOfOrder_InExtractThenRowOrder()
    {
        var table = Rows((2, 3, 30m, "a"), (1, 5, 15m, "b"), (2, 2, 20m, null)).Build(new HashSet<string>(StringComparer.Ordinal));

        Assert.Equal([1L, 2L, 2L], table.ExtractIds);
        Assert.Equal([5, 2, 3], table.Rows);
        Assert.Equal([15m, 20m, 30m], table.Amounts("amount"));
        Assert.Equal(["b", null, "a"], table.Text("account"));
    }

    [Fact]
    public void SameContent_EqualValues_Same_AScaleOrAnEmptyTextDiffers()
    {
        var rows = Rows((1, 2, 1.5m, "a"), (2, 2, 1.5m, "a"), (1, 3, 1.50m, "a"), (1, 4, 1.5m, ""), (1, 5, 1.5m, null), (1, 6, null, "a"));

        Assert.True(rows.SameContent(0, 1));
        Assert.Equal(rows.ContentHash(0), rows.ContentHash(1));
        // As the stored texts 1.5 and 1.50, '' and NULL differ.
        Assert.False(rows.SameContent(0, 2));
        Assert.False(rows.SameContent(3, 4));
        Assert.False(rows.SameContent(0, 5));
    }

    [Fact]
    public void AddRangeAndRetain_KeepsTheMarkedRowsOfBoth()
    {
        var rows = Rows((1, 2, 10m, "a"), (1, 3, 20m, "b"));
        rows.AddRange(Rows((2, 2, 30m, "c")));
        rows.Retain([true, false, true]);

        var table = rows.Build(new HashSet<string>(StringComparer.Ordinal));
        Assert.Equal(2, table.Count);
        Assert.Equal([10m, 30m], table.Amounts("amount"));
        Assert.Equal(["a", "c"], table.Text("account"));
    }

    [Fact]
    public void SetText_OnADateField_RefusedNamingTheField()
    {
        var rows = Rows((1, 2, 10m, "a"));
        var error = Assert.Throws<InvalidOperationException>(() => rows.SetText(Field("paid_month"), "2023-07"));
        Assert.Contains("paid_month", error.Message, StringComparison.Ordinal);
    }
}
