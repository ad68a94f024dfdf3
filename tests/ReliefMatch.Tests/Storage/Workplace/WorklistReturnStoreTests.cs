using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Workplace;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Workplace;

[Collection(PostgresCollection.Name)]
public sealed class WorklistReturnStoreTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 8, 10, 2, 0, 0, TimeSpan.Zero));
    private Database _db = null!;
    private WorklistReturnStore _returns = null!;

    public async Task InitializeAsync()
    {
        _db = await postgres.NewDatabaseAsync();
        _returns = new WorklistReturnStore(_db.DataSource, _time);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task SaveAsync_Return_CountsAndRowsReadBack()
    {
        IReadOnlyList<WorklistReturnRow> rows =
        [
            new(3, "AAAAAAAAAAAAAAAA", ReturnOutcome.Confirmed),
            new(4, "BBBBBBBBBBBBBBBB", ReturnOutcome.Dismissed),
            new(5, "CCCCCCCCCCCCCCCC", ReturnOutcome.Refused, "不是本乡镇的预警，不能处置。"),
            new(6, "DDDDDDDDDDDDDDDD", ReturnOutcome.Blank),
        ];
        var id = await _returns.SaveAsync(new WorklistReturn { Township = "罗锦镇", File = "清单.xlsx", Sha256 = "ab", UserName = "luojin1", RowsRead = 4, Rows = rows });
        await _returns.SaveAsync(new WorklistReturn { Township = "苏桥镇", File = "x.csv", Sha256 = "cd", UserName = "suqiao1", Problem = "找不到表头" });

        var summary = await _returns.FindAsync(id);

        Assert.Equal(new WorklistReturnSummary
        {
            Id = id, At = _time.GetUtcNow(), UserName = "luojin1", Township = "罗锦镇", File = "清单.xlsx",
            RowsRead = 4, Confirmed = 1, Dismissed = 1, Unchanged = 0, Blank = 1, Refused = 1,
        }, summary);
        Assert.Equal(rows, await _returns.RowsAsync(id));
        Assert.Equal(["罗锦镇"], (await _returns.ListAsync("罗锦镇", 10)).Select(r => r.Township));
        Assert.Equal(["苏桥镇", "罗锦镇"], (await _returns.ListAsync(null, 10)).Select(r => r.Township));
        Assert.Equal("找不到表头", (await _returns.ListAsync("苏桥镇", 10)).Single().Problem);
        Assert.Null(await _returns.FindAsync(id + 100));
    }

    [Fact]
    public async Task SaveAsync_RowsNamingTheirFinding_NameMaskedIdAndRuleReadBackAndAFullIdNeverKept()
    {
        IReadOnlyList<WorklistReturnRow> rows =
        [
            new(3, "AAAAAAAAAAAAAAAA", ReturnOutcome.Confirmed) { Name = "李1", MaskedId = "450326********0011", RuleId = "deceased-recipient" },
            // A caller that slipped a full ID in: kept masked all the same.
            new(4, "BBBBBBBBBBBBBBBB", ReturnOutcome.Refused, "核查日期 2023-06-30 早于预警所属月份 2023-07。") { Name = "李3", MaskedId = "450326195803120011", RuleId = "deceased-recipient" },
            new(5, "CCCCCCCCCCCCCCCC", ReturnOutcome.Refused, "预警编号不存在。"),
        ];
        var id = await _returns.SaveAsync(new WorklistReturn { Township = "罗锦镇", File = "清单.csv", Sha256 = "ab", UserName = "luojin1", RowsRead = 3, Rows = rows });

        var read = await _returns.RowsAsync(id);

        Assert.Equal(rows[0], read[0]);
        Assert.Equal(("李3", "450326********0011", "deceased-recipient"), (read[1].Name, read[1].MaskedId, read[1].RuleId));
        Assert.Equal(rows[2], read[2]);
    }
}
