namespace ReliefMatch.Host.Web;

/// <summary>
/// What another part of the host adds to the web host: services before it is built, middleware and endpoints
/// after. The scheduled jobs (Hangfire server and its dashboard under <c>/hangfire</c>) join this way; the
/// workplace's own guard lets only the county role reach <c>/hangfire</c> whatever is mapped there.
/// </summary>
public sealed record WorkplaceHooks(Action<WebApplicationBuilder> AddServices, Action<WebApplication> UseApp)
{
    /// <summary>Nothing added: the workplace alone.</summary>
    public static WorkplaceHooks None { get; } = new(_ => { }, _ => { });
}
