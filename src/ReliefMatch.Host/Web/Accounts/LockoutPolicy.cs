namespace ReliefMatch.Host.Web.Accounts;

/// <summary>How many failed sign-ins in a row lock an account, and for how long.</summary>
public sealed record LockoutPolicy(int MaxFailures, TimeSpan LockFor)
{
    /// <summary>Five failures lock the account for fifteen minutes.</summary>
    public static LockoutPolicy Default { get; } = new(5, TimeSpan.FromMinutes(15));
}
