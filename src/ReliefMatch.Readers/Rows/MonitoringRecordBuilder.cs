using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Readers.Headers;

namespace ReliefMatch.Readers.Rows;

/// <summary>乡村振兴 防止返贫监测对象. 风险是否消除 <c>是</c> means the person is no longer monitored; blank means not cleared.</summary>
internal sealed class MonitoringRecordBuilder : RecordBuilder
{
    public override ExtractRecord? Build(RowCells row)
    {
        if (!row.RequiredText(ExtractField.Name, out var name))
        {
            return null;
        }
        var id = row.Id(ExtractField.IdNumber);
        if (id.Problem is IdProblem.Missing or IdProblem.ExcelDamaged)
        {
            row.RejectId(ExtractField.IdNumber, id.Problem);
            return null;
        }
        if (!row.Date(ExtractField.IdentifiedOn, out var identifiedOn)
            || !row.Code<bool>(ExtractField.RiskCleared, CodeLists.TryYesNo, out var riskCleared)
            || !row.Money(ExtractField.IncomePerCapita, out var income))
        {
            return null;
        }
        return new MonitoringRecord
        {
            Row = row.Row,
            Name = name,
            Id = id,
            HouseholdId = row.Text(ExtractField.HouseholdId),
            Relation = row.Text(ExtractField.Relation),
            MonitorType = row.Text(ExtractField.MonitorType),
            Risk = row.Text(ExtractField.Risk),
            IdentifiedOn = identifiedOn,
            RiskCleared = riskCleared ?? false,
            IncomePerCapita = income,
            Township = row.Text(ExtractField.Township),
            Village = row.Text(ExtractField.Village),
        };
    }
}
