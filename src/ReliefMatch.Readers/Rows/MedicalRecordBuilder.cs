using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Readers.Headers;

namespace ReliefMatch.Readers.Rows;

/// <summary>
/// 医保 结算明细: one settlement. This is the largest extract (a million rows a month is ordinary), so the
/// builder reads only its own columns, by index, and parses amounts and dates from spans.
/// </summary>
internal sealed class MedicalRecordBuilder : RecordBuilder
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
        if (!row.RequiredDate(ExtractField.SettledOn, out var settledOn)
            || !row.Money(ExtractField.Total, out var total)
            || !row.Money(ExtractField.BasicPaid, out var basic)
            || !row.Money(ExtractField.CriticalPaid, out var critical)
            || !row.Money(ExtractField.AssistancePaid, out var assistance)
            || !row.Money(ExtractField.OutOfPocket, out var outOfPocket))
        {
            return null;
        }
        return new MedicalRecord
        {
            Row = row.Row,
            Name = name,
            Id = id,
            SettledOn = settledOn,
            Total = total,
            BasicPaid = basic,
            CriticalPaid = critical,
            AssistancePaid = assistance,
            // Without a 个人自付 column, what the funds did not pay is what the person paid.
            OutOfPocket = outOfPocket ?? (total ?? 0m) - (basic ?? 0m) - (critical ?? 0m) - (assistance ?? 0m),
            VisitType = row.Text(ExtractField.VisitType),
            Institution = row.Text(ExtractField.Institution),
        };
    }
}
