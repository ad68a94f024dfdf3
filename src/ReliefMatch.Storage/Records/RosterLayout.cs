using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Storage.Records;

/// <summary>民政 救助对象花名册: <c>reliefmatch.roster_records</c>, one row per person.</summary>
internal static class RosterLayout
{
    public static RecordLayout<RosterRecord, Draft> Layout { get; } = new("reliefmatch.roster_records", [SourceKind.Roster], c => c
        .Text("county_code", r => r.CountyCode, (d, v) => d.CountyCode = v)
        .NullableText("county", r => r.County, (d, v) => d.County = v)
        .Text("township", r => r.Township, (d, v) => d.Township = v)
        .NullableText("village", r => r.Village, (d, v) => d.Village = v)
        .Text("household_id", r => r.HouseholdId, (d, v) => d.HouseholdId = v)
        .NullableText("head_name", r => r.HeadName, (d, v) => d.HeadName = v)
        .NullableText("head_id_number", r => r.HeadIdNumber, (d, v) => d.HeadIdNumber = v)
        .NullableText("relation", r => r.Relation, (d, v) => d.Relation = v)
        .Text("programme", r => r.Programme.Id(), (d, v) => d.Programme = StoredCodes.ParseProgramme(v))
        .NullableInt16("support_mode", r => (short?)r.SupportMode, (d, v) => d.SupportMode = (SupportMode?)v)
        .Text("status", r => StoredCodes.Status(r.Status), (d, v) => d.Status = StoredCodes.ParseStatus(v))
        .NullableDate("enrolled_on", r => r.EnrolledOn, (d, v) => d.EnrolledOn = v)
        .NullableNumeric("monthly_amount", r => r.MonthlyAmount, (d, v) => d.MonthlyAmount = v)
        .NullableDate("last_check_on", r => r.LastCheckOn, (d, v) => d.LastCheckOn = v)
        .NullableDate("last_visit_on", r => r.LastVisitOn, (d, v) => d.LastVisitOn = v)
        .NullableInt16("work_ability", r => (short?)r.WorkAbility, (d, v) => d.WorkAbility = (WorkAbility?)v)
        .NullableBoolean("income_stable", r => r.IncomeStable, (d, v) => d.IncomeStable = v),
        d => new RosterRecord
        {
            ExtractId = d.ExtractId,
            Row = d.Row,
            Name = d.Name,
            Id = d.Id,
            CountyCode = d.CountyCode,
            County = d.County,
            Township = d.Township,
            Village = d.Village,
            HouseholdId = d.HouseholdId,
            HeadName = d.HeadName,
            HeadIdNumber = d.HeadIdNumber,
            Relation = d.Relation,
            Programme = d.Programme,
            SupportMode = d.SupportMode,
            Status = d.Status,
            EnrolledOn = d.EnrolledOn,
            MonthlyAmount = d.MonthlyAmount,
            LastCheckOn = d.LastCheckOn,
            LastVisitOn = d.LastVisitOn,
            WorkAbility = d.WorkAbility,
            IncomeStable = d.IncomeStable,
        });

    internal sealed class Draft : RecordDraft
    {
        public string CountyCode = "";
        public string? County;
        public string Township = "";
        public string? Village;
        public string HouseholdId = "";
        public string? HeadName;
        public string? HeadIdNumber;
        public string? Relation;
        public Programme Programme;
        public SupportMode? SupportMode;
        public EnrolmentStatus Status;
        public DateOnly? EnrolledOn;
        public decimal? MonthlyAmount;
        public DateOnly? LastCheckOn;
        public DateOnly? LastVisitOn;
        public WorkAbility? WorkAbility;
        public bool? IncomeStable;
    }
}
