namespace ReliefMatch.SampleData.Sources;

/// <summary>The roster fields of docs/sources.md in contract order, and the extra columns real files carry.</summary>
internal enum RosterColumn
{
    CountyCode,
    County,
    Township,
    Village,
    HouseholdId,
    HeadName,
    HeadIdNumber,
    Name,
    IdNumber,
    Relation,
    Programme,
    SupportMode,
    Status,
    EnrolledOn,
    MonthlyAmount,
    LastCheckOn,
    LastVisitOn,
    WorkAbility,
    IncomeStable,

    /// <summary>序号: a running number.</summary>
    Sequence,

    /// <summary>联系电话: an unknown column, ignored by readers.</summary>
    Phone,

    /// <summary>备注: an unknown column.</summary>
    Remark,
}
