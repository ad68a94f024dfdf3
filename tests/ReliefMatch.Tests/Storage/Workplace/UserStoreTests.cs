using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Workplace;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Workplace;

[Collection(PostgresCollection.Name)]
public sealed class UserStoreTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 8, 10, 2, 0, 0, TimeSpan.Zero));
    private Database _db = null!;
    private UserStore _users = null!;

    public async Task InitializeAsync()
    {
        _db = await postgres.NewDatabaseAsync();
        _users = new UserStore(_db.DataSource, _time);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task AddAsync_NewName_StoredAndFound()
    {
        var added = await _users.AddAsync(" luojin1 ", UserRole.Township, "罗锦镇", "hash-1");

        var found = await _users.FindAsync("luojin1");

        Assert.Equal(added, found);
        Assert.Equal(("luojin1", UserRole.Township, "罗锦镇", "hash-1", true, _time.GetUtcNow()), (found!.Name, found.Role, found.Township, found.PasswordHash, found.Enabled, found.CreatedAt));
        Assert.Equal(found, await _users.FindAsync(found.Id));
    }

    [Fact]
    public async Task AddAsync_NameTaken_NullAndNothingChanged()
    {
        await _users.AddAsync("county1", UserRole.County, null, "hash-1");

        Assert.Null(await _users.AddAsync("county1", UserRole.Township, "罗锦镇", "hash-2"));
        Assert.Equal("hash-1", (await _users.FindAsync("county1"))!.PasswordHash);
    }

    [Fact]
    public async Task AddAsync_RoleAndTownshipDisagree_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _users.AddAsync("a", UserRole.Township, null, "h"));
        await Assert.ThrowsAsync<ArgumentException>(() => _users.AddAsync("b", UserRole.County, "罗锦镇", "h"));
    }

    [Fact]
    public async Task ListAsync_Users_CountyFirstThenByTownship()
    {
        await _users.AddAsync("a-suqiao", UserRole.Township, "苏桥镇", "h");
        await _users.AddAsync("z-luojin", UserRole.Township, "罗锦镇", "h");
        await _users.AddAsync("county1", UserRole.County, null, "h");

        // Townships in ordinal order: 罗 (U+7F57) before 苏 (U+82CF).
        Assert.Equal(["county1", "z-luojin", "a-suqiao"], (await _users.ListAsync()).Select(u => u.Name));
    }

    [Fact]
    public async Task BeginSignInAsync_FifthAttempt_LocksForTheGivenTimeThenRefuses()
    {
        var user = (await _users.AddAsync("luojin1", UserRole.Township, "罗锦镇", "h"))!;
        for (var i = 1; i < 5; i++)
        {
            Assert.Equal(new SignInAttempt(true, i, null), await _users.BeginSignInAsync(user.Id, 5, TimeSpan.FromMinutes(15)));
        }
        var until = _time.GetUtcNow() + TimeSpan.FromMinutes(15);

        var fifth = await _users.BeginSignInAsync(user.Id, 5, TimeSpan.FromMinutes(15));
        _time.Advance(TimeSpan.FromMinutes(14));
        var sixth = await _users.BeginSignInAsync(user.Id, 5, TimeSpan.FromMinutes(15));

        Assert.Equal(new SignInAttempt(true, 5, until), fifth);
        Assert.Equal(new SignInAttempt(false, 5, until), sixth);
        var stored = (await _users.FindAsync("luojin1"))!;
        Assert.True(stored.IsLockedAt(until - TimeSpan.FromSeconds(1)));
        Assert.False(stored.IsLockedAt(until));
    }

    [Fact]
    public async Task BeginSignInAsync_LockRunOut_CountsAfresh()
    {
        var user = (await _users.AddAsync("luojin1", UserRole.Township, "罗锦镇", "h"))!;
        for (var i = 0; i < 5; i++)
        {
            await _users.BeginSignInAsync(user.Id, 5, TimeSpan.FromMinutes(15));
        }
        _time.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(new SignInAttempt(true, 1, null), await _users.BeginSignInAsync(user.Id, 5, TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public async Task BeginSignInAsync_SixtyAtOnce_FiveAdmittedTheLastOfThemLocking()
    {
        var user = (await _users.AddAsync("luojin1", UserRole.Township, "罗锦镇", "h"))!;

        var attempts = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => Task.Run(() => _users.BeginSignInAsync(user.Id, 5, TimeSpan.FromMinutes(15)))));

        var until = _time.GetUtcNow() + TimeSpan.FromMinutes(15);
        Assert.Equal([1, 2, 3, 4, 5], attempts.Where(a => a.Admitted).Select(a => a.Number).Order());
        Assert.Equal(until, attempts.Single(a => a.Admitted && a.Number == 5).LockedUntil);
        Assert.All(attempts.Where(a => !a.Admitted), a => Assert.Equal(until, a.LockedUntil));
    }

    [Fact]
    public async Task RecordSignInAsync_AfterTheLockingAttempt_CountBackToZeroAndLockLifted()
    {
        var user = (await _users.AddAsync("luojin1", UserRole.Township, "罗锦镇", "h"))!;
        for (var i = 0; i < 5; i++)
        {
            await _users.BeginSignInAsync(user.Id, 5, TimeSpan.FromMinutes(15));
        }

        await _users.RecordSignInAsync(user.Id);

        var stored = (await _users.FindAsync("luojin1"))!;
        Assert.Equal((0, (DateTimeOffset?)null), (stored.FailedSignIns, stored.LockedUntil));
    }

    [Fact]
    public async Task SetEnabledAndSetPassword_ChangeTheStampSoBrowsersAreSignedOut()
    {
        var user = (await _users.AddAsync("luojin1", UserRole.Township, "罗锦镇", "h"))!;
        for (var i = 0; i < 5; i++)
        {
            await _users.BeginSignInAsync(user.Id, 5, TimeSpan.FromMinutes(15));
        }

        Assert.True(await _users.SetEnabledAsync("luojin1", false));
        var disabled = (await _users.FindAsync("luojin1"))!;
        Assert.True(await _users.SetPasswordAsync("luojin1", "new-hash"));
        var renewed = (await _users.FindAsync("luojin1"))!;

        Assert.False(disabled.Enabled);
        Assert.NotEqual(user.Stamp, disabled.Stamp);
        Assert.NotEqual(disabled.Stamp, renewed.Stamp);
        Assert.Equal(("new-hash", (DateTimeOffset?)null), (renewed.PasswordHash, renewed.LockedUntil));
        Assert.False(await _users.SetEnabledAsync("nobody", true));
        Assert.False(await _users.SetPasswordAsync("nobody", "x"));
    }

    [Fact]
    public async Task Sessions_LiveUntilEndedOrIdleTooLong()
    {
        var user = (await _users.AddAsync("luojin1", UserRole.Township, "罗锦镇", "h"))!;
        var idle = TimeSpan.FromHours(8);
        var ended = await _users.StartSessionAsync(user.Id, "127.0.0.1", idle);
        var used = await _users.StartSessionAsync(user.Id, null, idle);
        var left = await _users.StartSessionAsync(user.Id, null, idle);

        await _users.EndSessionAsync(ended);
        _time.Advance(TimeSpan.FromHours(7));
        Assert.Equal(user, await _users.FindBySessionAsync(used, idle));
        _time.Advance(TimeSpan.FromHours(2));

        Assert.Null(await _users.FindBySessionAsync(ended, idle));
        Assert.Equal(user, await _users.FindBySessionAsync(used, idle));
        Assert.Null(await _users.FindBySessionAsync(left, idle));
        Assert.Null(await _users.FindBySessionAsync("no such session", idle));
        Assert.NotEqual(used, left);
        // The idle one is cleared at the next sign-in.
        await _users.StartSessionAsync(user.Id, null, idle);
        Assert.Equal(2, await StorageTestDb.CountAsync(_db.DataSource, "sessions"));
    }

    [Fact]
    public async Task RehashAsync_NewHash_StampKept()
    {
        var user = (await _users.AddAsync("luojin1", UserRole.Township, "罗锦镇", "old"))!;

        await _users.RehashAsync(user.Id, "stronger");

        var stored = (await _users.FindAsync("luojin1"))!;
        Assert.Equal(("stronger", user.Stamp), (stored.PasswordHash, stored.Stamp));
    }
}
