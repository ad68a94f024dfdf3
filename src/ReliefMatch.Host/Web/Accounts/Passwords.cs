using Microsoft.AspNetCore.Identity;
using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Host.Web.Accounts;

/// <summary>
/// Password hashing with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with a random salt
/// per password, the iteration count in the hash), so that the database never holds a password.
/// </summary>
public static class Passwords
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinimumLength = 8;

    private static readonly PasswordHasher<WorkplaceUser> Hasher = new();

    // A hash to verify against when the name is no user's, so that an unknown name takes as long as a wrong password.
    private static readonly Lazy<string> Decoy = new(() => Hasher.HashPassword(null!, Guid.NewGuid().ToString("N")));

    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return Hasher.HashPassword(null!, password);
    }

    /// <summary>Why a password is not acceptable, or null when it is.</summary>
    public static string? Problem(string password) =>
        password.Length < MinimumLength ? $"密码至少 {MinimumLength} 个字符。"
        : string.IsNullOrWhiteSpace(password) ? "密码不能全是空格。"
        : null;

    /// <summary>Checks a password against a stored hash: whether it matches, and whether the hash should be renewed.</summary>
    public static (bool Matches, bool Rehash) Verify(string hash, string password)
    {
        var result = Hasher.VerifyHashedPassword(null!, hash, password);
        return (result != PasswordVerificationResult.Failed, result == PasswordVerificationResult.SuccessRehashNeeded);
    }

    /// <summary>Spends the time of one verification, for a name that is no user's.</summary>
    public static void VerifyDecoy(string password) => Hasher.VerifyHashedPassword(null!, Decoy.Value, password);
}
