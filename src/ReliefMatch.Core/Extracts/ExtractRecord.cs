using ReliefMatch.Core.Identity;

namespace ReliefMatch.Core.Extracts;

/// <summary>
/// One accepted row of a departmental extract, in canonical form. <see cref="Row"/> is the CSV line or the
/// sheet row it came from; <see cref="ExtractId"/> names the stored extract (0 until stored) so that every
/// finding can point back to the file and row that produced it.
/// </summary>
public abstract record ExtractRecord
{
    public long ExtractId { get; init; }

    public int Row { get; init; }

    public required string Name { get; init; }

    public ParsedId Id { get; init; } = ParsedId.Missing;

    public abstract SourceRef Source { get; }
}

/// <summary>民政 救助对象花名册: one person of one household.</summary>
public sealed record RosterRecord : ExtractRecord
{
    public override SourceRef Source => SourceKind.Roster;
    public required string CountyCode { get; init; }
    public string? County { get; init; }
    public required string Township { get; init; }
    public string? Village { get; init; }
    public required string HouseholdId { get; init; }
    public string? HeadName { get; init; }
    public string? HeadIdNumber { get; init; }
    public string? Relation { get; init; }
    public required Programme Programme { get; init; }
    public SupportMode? SupportMode { get; init; }
    public required EnrolmentStatus Status { get; init; }
    public DateOnly? EnrolledOn { get; init; }
    public decimal? MonthlyAmount { get; init; }
    public DateOnly? LastCheckOn { get; init; }
    public DateOnly? LastVisitOn { get; init; }
    public WorkAbility? WorkAbility { get; init; }
    public bool? IncomeStable { get; init; }

    public bool IsEnrolled => Status.IsEnrolled();

    /// <summary>户主 or 本人 marks the head of the household.</summary>
    public bool IsHead => Relation is "户主" or "本人";
}

/// <summary>
/// A death: 公安 户籍注销, 卫健 死亡医学证明, or a row of a declared source whose field says <c>meaning: death-date</c>
/// (a county's 火化记录). Only <see cref="IsDeath"/> rows with a date are death evidence.
/// </summary>
public sealed record DeathRecord : ExtractRecord
{
    /// <summary>The source the death was read from; evidence names it (公安户籍注销, 火化记录 …).</summary>
    public required SourceRef Kind { get; init; }
    public override SourceRef Source => Kind;
    public Sex? Sex { get; init; }
    public DateOnly? BirthDate { get; init; }
    public DateOnly? DeathDate { get; init; }
    public DateOnly? CancelledOn { get; init; }
    /// <summary>注销原因 as read (police only).</summary>
    public string? CancelReason { get; init; }
    /// <summary>Health certificates always; police rows when the reason is 死亡 or the file has no reason column.</summary>
    public required bool IsDeath { get; init; }
    public string? Place { get; init; }
    public string? Cause { get; init; }
    public string? Reporter { get; init; }

    /// <summary>The death date; for a police row without one, the cancellation date stands in.</summary>
    public DateOnly? EffectiveDeathDate => DeathDate ?? CancelledOn;
}

/// <summary>残联 持证残疾人: one certificate.</summary>
public sealed record DisabilityRecord : ExtractRecord
{
    public override SourceRef Source => SourceKind.Disability;
    public string? CertificateNo { get; init; }
    public required DisabilityCategory Category { get; init; }
    public required int Level { get; init; }
    public DateOnly? IssuedOn { get; init; }
    /// <summary>证件状态 as read; empty means valid.</summary>
    public string? CertificateStatus { get; init; }
    public bool IsValid => string.IsNullOrWhiteSpace(CertificateStatus) || CertificateStatus.Trim() == "有效";
    public string? Township { get; init; }
    public string? Village { get; init; }

    /// <summary>重度残疾: level 1 or 2 of any category, or level 3 of 智力 or 精神.</summary>
    public bool IsSevere => Level is 1 or 2 || Level == 3 && Category is DisabilityCategory.Intellectual or DisabilityCategory.Mental;
}

/// <summary>医保 结算明细: one settlement.</summary>
public sealed record MedicalRecord : ExtractRecord
{
    public override SourceRef Source => SourceKind.Medical;
    public required DateOnly SettledOn { get; init; }
    public decimal? Total { get; init; }
    public decimal? BasicPaid { get; init; }
    public decimal? CriticalPaid { get; init; }
    public decimal? AssistancePaid { get; init; }
    /// <summary>个人自付; where the file has no such column, total − basic − critical − assistance.</summary>
    public required decimal OutOfPocket { get; init; }
    public string? VisitType { get; init; }
    public string? Institution { get; init; }
}

/// <summary>乡村振兴 防止返贫监测对象: one monitored person.</summary>
public sealed record MonitoringRecord : ExtractRecord
{
    public override SourceRef Source => SourceKind.Monitoring;
    public string? HouseholdId { get; init; }
    public string? Relation { get; init; }
    public string? MonitorType { get; init; }
    public string? Risk { get; init; }
    public DateOnly? IdentifiedOn { get; init; }
    public bool RiskCleared { get; init; }
    public decimal? IncomePerCapita { get; init; }
    public string? Township { get; init; }
    public string? Village { get; init; }
}
