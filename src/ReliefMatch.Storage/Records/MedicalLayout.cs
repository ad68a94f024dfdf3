using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Storage.Records;

/// <summary>医保 结算明细: <c>reliefmatch.medical_records</c>, one row per settlement.</summary>
internal static class MedicalLayout
{
    public static RecordLayout<MedicalRecord, Draft> Layout { get; } = new("reliefmatch.medical_records", [SourceKind.Medical], c => c
        .Date("settled_on", r => r.SettledOn, (d, v) => d.SettledOn = v)
        .NullableNumeric("total", r => r.Total, (d, v) => d.Total = v)
        .NullableNumeric("basic_paid", r => r.BasicPaid, (d, v) => d.BasicPaid = v)
        .NullableNumeric("critical_paid", r => r.CriticalPaid, (d, v) => d.CriticalPaid = v)
        .NullableNumeric("assistance_paid", r => r.AssistancePaid, (d, v) => d.AssistancePaid = v)
        .Numeric("out_of_pocket", r => r.OutOfPocket, (d, v) => d.OutOfPocket = v)
        .NullableText("visit_type", r => r.VisitType, (d, v) => d.VisitType = v)
        .NullableText("institution", r => r.Institution, (d, v) => d.Institution = v),
        d => new MedicalRecord
        {
            ExtractId = d.ExtractId,
            Row = d.Row,
            Name = d.Name,
            Id = d.Id,
            SettledOn = d.SettledOn,
            Total = d.Total,
            BasicPaid = d.BasicPaid,
            CriticalPaid = d.CriticalPaid,
            AssistancePaid = d.AssistancePaid,
            OutOfPocket = d.OutOfPocket,
            VisitType = d.VisitType,
            Institution = d.Institution,
        });

    internal sealed class Draft : RecordDraft
    {
        public DateOnly SettledOn;
        public decimal? Total;
        public decimal? BasicPaid;
        public decimal? CriticalPaid;
        public decimal? AssistancePaid;
        public decimal OutOfPocket;
        public string? VisitType;
        public string? Institution;
    }
}
