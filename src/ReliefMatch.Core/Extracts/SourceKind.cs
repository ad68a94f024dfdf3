namespace ReliefMatch.Core.Extracts;

/// <summary>The departmental sources of docs/sources.md. The drop folder has one sub-folder per source id.</summary>
public enum SourceKind
{
    Roster,
    PoliceDeaths,
    HealthDeaths,
    Disability,
    Medical,
    Monitoring,
}

public static class SourceKinds
{
    public static IReadOnlyList<SourceKind> All { get; } = Enum.GetValues<SourceKind>();

    /// <summary>The source id: the drop-folder name and the name used in rule files and reports.</summary>
    public static string Id(this SourceKind kind) => kind switch
    {
        SourceKind.Roster => "roster",
        SourceKind.PoliceDeaths => "police-deaths",
        SourceKind.HealthDeaths => "health-deaths",
        SourceKind.Disability => "disability",
        SourceKind.Medical => "medical",
        SourceKind.Monitoring => "monitoring",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>How the source is called in Chinese, for reports and evidence.</summary>
    public static string ChineseName(this SourceKind kind) => kind switch
    {
        SourceKind.Roster => "民政救助对象花名册",
        SourceKind.PoliceDeaths => "公安户籍注销",
        SourceKind.HealthDeaths => "卫健死亡医学证明",
        SourceKind.Disability => "残联持证残疾人",
        SourceKind.Medical => "医保结算",
        SourceKind.Monitoring => "乡村振兴防返贫监测",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? id, out SourceKind kind)
    {
        foreach (var k in All)
        {
            if (string.Equals(k.Id(), id, StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <summary>Roster and monitoring describe the whole population each month; the others accumulate.</summary>
    public static bool IsSnapshot(this SourceKind kind) => kind is SourceKind.Roster or SourceKind.Monitoring;
}
