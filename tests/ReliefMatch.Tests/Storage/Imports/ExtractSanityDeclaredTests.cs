using System.Text;
using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sanity;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Imports;

/// <summary>
/// The sanity checks of the declared sources (stored in declared_records), from real CSV files read and imported as
/// an officer's would be: the staff snapshot's townships, the payments' row count, rejected share and months.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ExtractSanityDeclaredTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly ReportingMonth July = new(2023, 7);
    private static readonly ReportingMonth August = new(2023, 8);
    private static readonly SanityThresholds PaymentMonths = SanityThresholds.Shipped with
    {
        MonthDates = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["payments"] = ["paid_month"] },
    };

    private readonly string _folder = TempFolder.Create("sanity-declared");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 9, 2, 1, 30, 0, TimeSpan.Zero));
    private Database _db = null!;

    public async Task InitializeAsync() => _db = await postgres.NewDatabaseAsync();

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        TempFolder.Delete(_folder);
    }

    private async Task ImportAsync(string source, string file, ReportingMonth period, string header, IEnumerable<string> rows)
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(_folder, source)).FullName, file);
        await File.WriteAllTextAsync(path, string.Join("\n", rows.Prepend(header)) + "\n", new UTF8Encoding(false));
        var report = await new ExtractImporter(_db.DataSource, _time, readerOptions: ReliefMatch.Tests.Readers.TestExtracts.Options).ImportFileAsync(path, SourceRef.Of(source), period);
        Assert.Null(report.RefusedReason);
    }

    private Task ImportStaffAsync(ReportingMonth period, params string[] townships) =>
        ImportAsync("staff", $"经办人员_{period.Year}{period.Month:D2}.csv", period, "姓名,身份证号,人员类别,乡镇",
            Enumerable.Range(0, 25).Select(i => $"干部{i},{TestRecords.IdNumber(i)},村(社区)干部,{townships[i % townships.Length]}"));

    /// <param name="bad">How many of the rows have an amount that is no number (rejected).</param>
    private Task ImportPaymentsAsync(ReportingMonth period, int rows, ReportingMonth paidMonth, int bad = 0) =>
        ImportAsync("payments", $"一卡通_{period.Year}{period.Month:D2}.csv", period, "姓名,身份证号,银行账号,发放月份,发放金额,补贴项目",
            Enumerable.Range(0, rows).Select(i => $"对象{i},{TestRecords.IdNumber(i)},62170000{i:D6},{paidMonth},{(i < bad ? "三百" : "300")},农村低保"));

    private Task<IReadOnlyList<SanityWarning>> ChecksAsync(ReportingMonth period, SanityThresholds? thresholds = null) =>
        new ExtractSanity(_db.DataSource).CheckAsync(period, thresholds ?? SanityThresholds.Shipped);

    [Fact]
    public async Task CheckAsync_DeclaredSnapshotLosesTownship_NamesIt()
    {
        await ImportStaffAsync(July, "永福镇", "罗锦镇");
        await ImportStaffAsync(August, "罗锦镇");

        var check = Assert.Single(await ChecksAsync(August));
        Assert.Equal((SanityCheck.Townships, "staff", "staff/经办人员_202308.csv"), (check.Check, check.Source, check.File));
        Assert.Equal(("1 个乡镇", "2 个乡镇"), (check.Figure, check.Previous));
        Assert.Contains("没有 永福镇 的任何记录", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_DeclaredSnapshotKeepsTownships_Silent()
    {
        await ImportStaffAsync(July, "永福镇", "罗锦镇");
        await ImportStaffAsync(August, "罗锦镇", "永福镇");

        Assert.Empty(await ChecksAsync(August));
    }

    [Fact]
    public async Task CheckAsync_DeclaredRowsFallRejectsJumpMonthsElsewhere_EachNamed()
    {
        await ImportPaymentsAsync(July, 40, July);
        await ImportPaymentsAsync(August, 20, July, bad: 5);

        var checks = await ChecksAsync(August, PaymentMonths);

        Assert.Equal([SanityCheck.RowCount, SanityCheck.RejectedShare, SanityCheck.Dates], checks.Select(c => c.Check).Order());
        Assert.All(checks, c => Assert.Equal("payments/一卡通_202308.csv", c.File));
        var rows = checks.Single(c => c.Check == SanityCheck.RowCount);
        Assert.Equal(("20 行", "40 行"), (rows.Figure, rows.Previous));
        var dates = checks.Single(c => c.Check == SanityCheck.Dates);
        Assert.Equal(("0 / 15 在2023年8月", "40 / 40 在2023年7月"), (dates.Figure, dates.Previous));
        Assert.Contains("发放月份（paid_month）", dates.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_DeclaredSameRowsOwnMonth_Silent()
    {
        await ImportPaymentsAsync(July, 40, July);
        await ImportPaymentsAsync(August, 42, August);

        Assert.Empty(await ChecksAsync(August, PaymentMonths));
    }
}
