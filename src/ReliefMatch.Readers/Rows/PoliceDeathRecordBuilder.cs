using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Readers.Headers;

namespace ReliefMatch.Readers.Rows;

/// <summary>
/// 公安 户籍注销. A row is death evidence when its 注销原因 is 死亡, or when the file has no such column. Rows
/// cancelled for other reasons are kept (not death evidence) so that the report counts what the file held.
/// </summary>
internal sealed class PoliceDeathRecordBuilder : RecordBuilder
{
    public const string DeathReason = "死亡";

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
        if (!row.Sex(out var sex)
            || !row.Date(ExtractField.BirthDate, out var birthDate)
            || !row.Date(ExtractField.DeathDate, out var deathDate)
            || !row.Date(ExtractField.CancelledOn, out var cancelledOn))
        {
            return null;
        }
        var reason = row.Text(ExtractField.CancelReason);
        var isDeath = !row.Has(ExtractField.CancelReason) || reason == DeathReason;
        if (isDeath && deathDate is null && cancelledOn is null)
        {
            row.Reject(row.Has(ExtractField.DeathDate) ? ExtractField.DeathDate : ExtractField.CancelledOn, RejectionReasons.NoDeathOrCancellationDate);
            return null;
        }
        return new DeathRecord
        {
            Kind = SourceKind.PoliceDeaths,
            Row = row.Row,
            Name = name,
            Id = id,
            Sex = sex,
            BirthDate = birthDate,
            DeathDate = deathDate,
            CancelledOn = cancelledOn,
            CancelReason = reason,
            IsDeath = isDeath,
        };
    }
}
