using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Storage.Records;

/// <summary>乡村振兴 防止返贫监测对象: <c>reliefmatch.monitoring_records</c>, one row per monitored person.</summary>
internal static class MonitoringLayout
{
    public static RecordLayout<MonitoringRecord, Draft> Layout { get; } = new("reliefmatch.monitoring_records", [SourceKind.Monitoring], c => c
        .NullableText("household_id", r => r.HouseholdId, (d, v) => d.HouseholdId = v)
        .NullableText("relation", r => r.Relation, (d, v) => d.Relation = v)
        .NullableText("monitor_type", r => r.MonitorType, (d, v) => d.MonitorType = v)
        .NullableText("risk", r => r.Risk, (d, v) => d.Risk = v)
        .NullableDate("identified_on", r => r.IdentifiedOn, (d, v) => d.IdentifiedOn = v)
        .Boolean("risk_cleared", r => r.RiskCleared, (d, v) => d.RiskCleared = v)
        .NullableNumeric("income_per_capita", r => r.IncomePerCapita, (d, v) => d.IncomePerCapita = v)
        .NullableText("township", r => r.Township, (d, v) => d.Township = v)
        .NullableText("village", r => r.Village, (d, v) => d.Village = v),
        d => new MonitoringRecord
        {
            ExtractId = d.ExtractId,
            Row = d.Row,
            Name = d.Name,
            Id = d.Id,
            HouseholdId = d.HouseholdId,
            Relation = d.Relation,
            MonitorType = d.MonitorType,
            Risk = d.Risk,
            IdentifiedOn = d.IdentifiedOn,
            RiskCleared = d.RiskCleared,
            IncomePerCapita = d.IncomePerCapita,
            Township = d.Township,
            Village = d.Village,
        });

    internal sealed class Draft : RecordDraft
    {
        public string? HouseholdId;
        public string? Relation;
        public string? MonitorType;
        public string? Risk;
        public DateOnly? IdentifiedOn;
        public bool RiskCleared;
        public decimal? IncomePerCapita;
        public string? Township;
        public string? Village;
    }
}
