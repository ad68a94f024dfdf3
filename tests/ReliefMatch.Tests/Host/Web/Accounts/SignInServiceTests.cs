using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Host.Web.Accounts;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Workplace;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;

namespace ReliefMatch.Tests.Host.Web.Accounts;

/// <summary>The lock-out against many attempts at once, on a real PostgreSQL: the count is the database's.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SignInServiceTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Right = "correct horse 1";
    private const int AtOnce = 60;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 8, 10, 2, 0, 0, TimeSpan.Zero));
    private Database _db = null!;
    private SignInService _signIn = null!;

    public async Task InitializeAsync()
    {
        _db = await postgres.NewDatabaseAsync();
        var users = new UserStore(_db.DataSource, _time);
        await users.AddAsync("luojin1", UserRole.Township, "罗锦镇", Passwords.Hash(Right));
        _signIn = new SignInService(users, new AuditLog(_db.DataSource, _time), LockoutPolicy.Default);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task SignInAsync_SixtyWrongPasswordsAtOnce_FiveCheckedTheRestRefusedAsLocked()
    {
        var outcomes = await AtOnceAsync(Enumerable.Range(0, AtOnce).Select(i => "wrong " + i));

        Assert.All(outcomes, o => Assert.False(o.Succeeded));
        Assert.Equal(LockoutPolicy.Default.MaxFailures, await PasswordsCheckedAsync());
        Assert.Equal(AtOnce - LockoutPolicy.Default.MaxFailures, await AuditedAsync("subject = '账户锁定中'"));
        var until = _time.GetUtcNow() + LockoutPolicy.Default.LockFor;
        Assert.Equal(AtOnce - LockoutPolicy.Default.MaxFailures + 1, outcomes.Count(o => o.LockedUntil == until));

        // During the lock-out the right password is refused, and is not even checked.
        _time.Advance(LockoutPolicy.Default.LockFor - TimeSpan.FromSeconds(1));
        var locked = await _signIn.SignInAsync("luojin1", Right, null);
        Assert.Equal((false, until), (locked.Succeeded, locked.LockedUntil));
        Assert.Equal(LockoutPolicy.Default.MaxFailures, await PasswordsCheckedAsync());

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await _signIn.SignInAsync("luojin1", Right, null)).Succeeded);
    }

    [Fact]
    public async Task SignInAsync_RightPasswordAmongSixtyDuringTheLockOut_Refused()
    {
        for (var i = 0; i < LockoutPolicy.Default.MaxFailures; i++)
        {
            await _signIn.SignInAsync("luojin1", "wrong " + i, null);
        }

        var outcomes = await AtOnceAsync(Enumerable.Range(0, AtOnce).Select(i => i % 10 == 9 ? Right : "wrong again " + i));

        Assert.All(outcomes, o => Assert.False(o.Succeeded));
        Assert.Equal(LockoutPolicy.Default.MaxFailures, await PasswordsCheckedAsync());
        Assert.Equal(0, await AuditedAsync($"action = '{AuditActions.SignIn}'"));
    }

    [Fact]
    public async Task SignInAsync_FourFailedThenSixtyAtOnce_OneMoreChecked()
    {
        for (var i = 0; i < LockoutPolicy.Default.MaxFailures - 1; i++)
        {
            await _signIn.SignInAsync("luojin1", "wrong " + i, null);
        }

        var outcomes = await AtOnceAsync(Enumerable.Range(0, AtOnce).Select(i => "wrong again " + i));

        Assert.All(outcomes, o => Assert.False(o.Succeeded));
        Assert.Equal(LockoutPolicy.Default.MaxFailures, await PasswordsCheckedAsync());
    }

    private async Task<SignInOutcome[]> AtOnceAsync(IEnumerable<string> passwords)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = passwords.Select(p => Task.Run(async () =>
        {
            await start.Task;
            return await _signIn.SignInAsync("luojin1", p, "127.0.0.1");
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(attempts);
    }

    /// <summary>How many passwords were compared with the hash: each comparison is audited as a wrong password or a sign-in.</summary>
    private Task<long> PasswordsCheckedAsync() =>
        AuditedAsync($"action = '{AuditActions.SignIn}' OR subject LIKE '密码错误%'");

    private Task<long> AuditedAsync(string where) => StorageTestDb.CountAsync(_db.DataSource, "audit_log", where);
}
