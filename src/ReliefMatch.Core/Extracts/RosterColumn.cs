namespace ReliefMatch.Core.Extracts;

/// <summary>
/// The optional roster columns that a rule or a 统计表 cell reads. Whether a month has one decides whether the rule
/// runs (docs/rules.md, "A rule whose input is missing"): without it every household would look as if the value were
/// missing.
/// </summary>
public enum RosterColumn
{
    EnrolledOn,
    SupportMode,
    LastCheckOn,
    LastVisitOn,
    WorkAbility,
    IncomeStable,
    MonthlyAmount,
}

public static class RosterColumns
{
    public static IReadOnlyList<RosterColumn> All { get; } = Enum.GetValues<RosterColumn>();

    /// <summary>The column's first Chinese header (docs/sources.md), as reports name it.</summary>
    public static string Header(this RosterColumn column) => column switch
    {
        RosterColumn.EnrolledOn => "纳入时间",
        RosterColumn.SupportMode => "供养方式",
        RosterColumn.LastCheckOn => "最近核对日期",
        RosterColumn.LastVisitOn => "最近入户调查日期",
        RosterColumn.WorkAbility => "劳动能力",
        RosterColumn.IncomeStable => "收入是否稳定",
        RosterColumn.MonthlyAmount => "月保障金额",
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };

    /// <summary>Whether <paramref name="row"/> has a value in <paramref name="column"/>.</summary>
    public static bool HasValue(this RosterRecord row, RosterColumn column) => column switch
    {
        RosterColumn.EnrolledOn => row.EnrolledOn.HasValue,
        RosterColumn.SupportMode => row.SupportMode.HasValue,
        RosterColumn.LastCheckOn => row.LastCheckOn.HasValue,
        RosterColumn.LastVisitOn => row.LastVisitOn.HasValue,
        RosterColumn.WorkAbility => row.WorkAbility.HasValue,
        RosterColumn.IncomeStable => row.IncomeStable.HasValue,
        RosterColumn.MonthlyAmount => row.MonthlyAmount.HasValue,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };
}
