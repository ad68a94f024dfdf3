using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Host.Web.Accounts;

/// <summary>The result of a sign-in attempt: the user when it succeeded, else why not (in Chinese, for the page).</summary>
public sealed record SignInOutcome(WorkplaceUser? User, string? Refusal, DateTimeOffset? LockedUntil = null)
{
    public bool Succeeded => User is not null;
}
