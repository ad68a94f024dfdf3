using System.Security.Claims;
using Hangfire.Dashboard;

namespace ReliefMatch.Host.Jobs;

/// <summary>
/// The dashboard is for the county data officers only: an authenticated user in role <c>county</c> (the
/// standard role claim). Township users and anonymous requests never see it. Hangfire's default filter
/// (local requests only) would let anyone through a reverse proxy on the same machine.
/// </summary>
public sealed class CountyDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public const string Role = "county";

    public bool Authorize(DashboardContext context) => Allows(context.GetHttpContext().User);

    public static bool Allows(ClaimsPrincipal? user) => user?.Identity?.IsAuthenticated == true && user.IsInRole(Role);
}
