using Npgsql;
using ReliefMatch.Core.Places;
using ReliefMatch.Host.Runs;
using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Host.Web.Accounts;

/// <summary>
/// Whether a township user's township is one the county has: named by an imported roster of the home county or
/// listed by the installation. A mistyped one (<c>苏乔镇</c>) would otherwise be accepted and its user would see
/// “没有预警” every month — a clean township that does not exist. The refusal is Chinese and names the near
/// spellings, or every known township when none is near.
/// </summary>
public static class TownshipCheck
{
    /// <summary>Null when <paramref name="township"/> is known; otherwise why not, in Chinese.</summary>
    public static async Task<string?> ProblemAsync(NpgsqlDataSource dataSource, Installation installation, string township, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        var roster = await new TownshipDirectory(dataSource).RosterTownshipsAsync(installation.HomeCountyCode, cancellationToken).ConfigureAwait(false);
        return Problem(township, installation.Townships.Concat(roster).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Null when <paramref name="township"/> is one of <paramref name="known"/> (ordinal); otherwise why not.</summary>
    public static string? Problem(string township, IReadOnlyList<string> known)
    {
        ArgumentNullException.ThrowIfNull(township);
        ArgumentNullException.ThrowIfNull(known);
        if (known.Contains(township, StringComparer.Ordinal))
        {
            return null;
        }
        var head = $"乡镇“{township}”不是本县名册中的乡镇，也不在本安装列出的乡镇中。";
        if (known.Count == 0)
        {
            return head + "还没有导入名册，也没有列出乡镇：请先导入名册。";
        }
        var near = NearSpellings.Of(township, known);
        return near.Count > 0
            ? head + $"是否应为：{string.Join("、", near)}？"
            : head + $"本县的乡镇有：{string.Join("、", known)}。";
    }
}
