using System.Security.Claims;
using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Host.Web.Accounts;

/// <summary>
/// What the sign-in cookie says about its user: the name (<see cref="ClaimTypes.Name"/>), the role as a
/// standard role claim (<c>county</c> or <c>township</c>, so that <c>IsInRole</c> and role policies work, the
/// jobs dashboard's filter included), the township as a claim <c>township</c>, the user id, the account's
/// stamp (a changed stamp signs the browser out) and the session (ended at sign-out, on the server).
/// </summary>
public static class WorkplaceClaims
{
    public const string TownshipClaim = "township";
    public const string UserIdClaim = "uid";
    public const string StampClaim = "stamp";
    public const string SessionClaim = "sid";

    public const string CountyRole = "county";
    public const string TownshipRole = "township";

    /// <summary>The authorization policy of the county's pages.</summary>
    public const string CountyPolicy = "county";

    public static ClaimsPrincipal Principal(WorkplaceUser user, string sessionId, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.Name),
            new(ClaimTypes.Role, user.Role.Id()),
            new(UserIdClaim, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(StampClaim, user.Stamp),
            new(SessionClaim, sessionId),
        };
        if (user.Township is { } township)
        {
            claims.Add(new Claim(TownshipClaim, township));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static bool IsCounty(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && user.IsInRole(CountyRole);

    /// <summary>The township of a township user; null for the county (and for anyone not signed in).</summary>
    public static string? Township(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.IsInRole(TownshipRole) ? user.FindFirst(TownshipClaim)?.Value : null;

    /// <summary>Whether the user may see <paramref name="township"/>'s worklists, findings and returns.</summary>
    public static bool MaySee(this ClaimsPrincipal user, string township) =>
        user.IsCounty() || (user.Township() is { } own && string.Equals(own, township, StringComparison.Ordinal));

    public static UserRole? Role(this ClaimsPrincipal user) =>
        user.IsCounty() ? UserRole.County : user.Township() is not null ? UserRole.Township : null;

    public static long? Id(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst(UserIdClaim)?.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The session the cookie names (null without one).</summary>
    public static string? SessionId(this ClaimsPrincipal user) => user.FindFirst(SessionClaim)?.Value;

    public static string Name(this ClaimsPrincipal user) => user.Identity?.Name ?? "";
}
