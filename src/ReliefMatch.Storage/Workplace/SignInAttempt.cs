namespace ReliefMatch.Storage.Workplace;

/// <summary>
/// One attempt to sign in as counted by <see cref="UserStore.BeginSignInAsync"/>: whether its password may be
/// checked (<see cref="Admitted"/>), which attempt it is since the last success (<see cref="Number"/>), and the
/// lock: for an admitted attempt, set when it is the last one allowed (a wrong password leaves the account
/// locked until then); for a refused attempt, the lock that refused it.
/// </summary>
public sealed record SignInAttempt(bool Admitted, int Number, DateTimeOffset? LockedUntil);
