namespace ReliefMatch.Core.Sanity;

/// <summary>What a sanity warning is about.</summary>
public enum SanityCheck
{
    /// <summary>A file's header columns differ from the previous extract's: a column gone, a new one.</summary>
    Columns,

    /// <summary>The month's rows jump or fall by more than the set share against the previous month's.</summary>
    RowCount,

    /// <summary>The share of rejected rows rises by more than the set points.</summary>
    RejectedShare,

    /// <summary>A snapshot names no row of a township the previous one had.</summary>
    Townships,

    /// <summary>Every date of a field that should fall in the stamped month falls outside it.</summary>
    Dates,
}

public static class SanityChecks
{
    /// <summary>The id used in <c>imports.json</c> and the page (<c>columns</c>, <c>row-count</c>…).</summary>
    public static string Id(this SanityCheck check) => Rules.Spelling.Kebab(check.ToString());

    /// <summary>How the check is called in Chinese.</summary>
    public static string ChineseName(this SanityCheck check) => check switch
    {
        SanityCheck.Columns => "列变化",
        SanityCheck.RowCount => "行数变化",
        SanityCheck.RejectedShare => "拒收比例上升",
        SanityCheck.Townships => "快照缺少乡镇",
        SanityCheck.Dates => "日期不在数据月份",
        _ => check.ToString(),
    };
}
