namespace ReliefMatch.Storage.Workplace;

/// <summary>
/// A person who signs in to the workplace. <see cref="PasswordHash"/> is a salted hash (never the password);
/// <see cref="Stamp"/> changes when the password or the account's standing changes, which signs out browsers
/// that signed in before.
/// </summary>
public sealed record WorkplaceUser
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    public required UserRole Role { get; init; }
    /// <summary>The township of a township user; null for the county.</summary>
    public string? Township { get; init; }
    public required string PasswordHash { get; init; }
    public required bool Enabled { get; init; }
    /// <summary>Sign-in attempts since the last right password (or since a lock ran out); the one that reaches the limit locks the account.</summary>
    public int FailedSignIns { get; init; }
    /// <summary>Until when sign-in is refused after too many failures; null when not locked.</summary>
    public DateTimeOffset? LockedUntil { get; init; }
    public required string Stamp { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
