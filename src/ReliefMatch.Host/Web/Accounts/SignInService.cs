using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Host.Web.Accounts;

/// <summary>
/// Checks a name and password: unknown names and wrong passwords get the same answer (and take the same
/// time), a disabled account is refused, and after <see cref="LockoutPolicy.MaxFailures"/> wrong passwords in
/// a row the account is locked for <see cref="LockoutPolicy.LockFor"/> (time from the store's
/// <see cref="TimeProvider"/>): while locked even the right password is refused, unchecked. The database counts
/// each attempt before its password is checked, so that many attempts at once get no more checks than the
/// policy allows. Every attempt is audited.
/// </summary>
public sealed class SignInService(UserStore users, AuditLog audit, LockoutPolicy policy)
{
    public const string WrongCredentials = "用户名或密码不正确。";

    public async Task<SignInOutcome> SignInAsync(string name, string password, string? address, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        var user = name.Length == 0 ? null : await users.FindAsync(name, cancellationToken);
        if (user is null)
        {
            Passwords.VerifyDecoy(password);
            await AuditAsync(name, null, null, "无此用户", address, cancellationToken);
            return new SignInOutcome(null, WrongCredentials);
        }
        // The attempt is counted before the password is checked, so that attempts arriving at once cannot all be
        // checked against a count read before any of them failed.
        var attempt = await users.BeginSignInAsync(user.Id, policy.MaxFailures, policy.LockFor, cancellationToken);
        if (!attempt.Admitted)
        {
            await AuditAsync(user.Name, user.Role, user.Township, "账户锁定中", address, cancellationToken);
            return new SignInOutcome(null, LockedText(attempt.LockedUntil), attempt.LockedUntil);
        }
        var (matches, rehash) = Passwords.Verify(user.PasswordHash, password);
        if (!matches)
        {
            var lockedUntil = attempt.LockedUntil;
            await AuditAsync(user.Name, user.Role, user.Township, lockedUntil is null ? "密码错误" : "密码错误，账户已锁定", address, cancellationToken);
            return lockedUntil is { } until ? new SignInOutcome(null, LockedText(until), until) : new SignInOutcome(null, WrongCredentials);
        }
        // A right password is no failure, whatever else refuses the sign-in.
        await users.RecordSignInAsync(user.Id, cancellationToken);
        if (!user.Enabled)
        {
            await AuditAsync(user.Name, user.Role, user.Township, "账户已停用", address, cancellationToken);
            return new SignInOutcome(null, "该账户已停用，请联系县民政局。");
        }
        if (rehash)
        {
            await users.RehashAsync(user.Id, Passwords.Hash(password), cancellationToken);
        }
        await audit.WriteAsync(new AuditEntry(user.Name, user.Role, user.Township, AuditActions.SignIn, "") { Address = address }, cancellationToken);
        return new SignInOutcome(user, null);
    }

    private string LockedText(DateTimeOffset? until) => until is { } time
        ? $"连续 {policy.MaxFailures} 次密码错误，账户已锁定，请于 {WorkplaceClock.ChinaTime(time):HH:mm} 后再试。"
        : $"连续 {policy.MaxFailures} 次密码错误，账户已锁定，请稍后再试。";

    private Task AuditAsync(string name, UserRole? role, string? township, string why, string? address, CancellationToken cancellationToken) =>
        audit.WriteAsync(new AuditEntry(name, role, township, AuditActions.SignInFailed, why) { Address = address }, cancellationToken);
}
