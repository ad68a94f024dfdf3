namespace ReliefMatch.Storage.Workplace;

/// <summary>
/// What a workplace user may see: the county data officers see every township and full ID numbers; township
/// staff see their own township only, with ID numbers masked.
/// </summary>
public enum UserRole
{
    /// <summary>县民政局: every township, uploads of extracts, the 统计表, the audit log.</summary>
    County = 1,
    /// <summary>乡镇: the own township's worklists and dispositions only.</summary>
    Township,
}

public static class UserRoleText
{
    /// <summary>The role as stored and as the sign-in cookie's role claim carries it: <c>county</c> or <c>township</c>.</summary>
    public static string Id(this UserRole role) => role switch
    {
        UserRole.County => "county",
        UserRole.Township => "township",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? text, out UserRole role)
    {
        role = text switch
        {
            "county" => UserRole.County,
            "township" => UserRole.Township,
            _ => 0,
        };
        return role != 0;
    }

    public static string Chinese(this UserRole role) => role switch
    {
        UserRole.County => "县级",
        UserRole.Township => "乡镇",
        _ => role.ToString(),
    };
}
