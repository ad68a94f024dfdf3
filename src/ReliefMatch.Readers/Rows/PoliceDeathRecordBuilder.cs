using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Sources;
using ReliefMatch.Readers.Headers;

namespace ReliefMatch.Readers.Rows;

/// <summary>
/// 公安 户籍注销. A row is death evidence when it passes the declaration's keep-as-non-evidence filter (注销原因
/// 死亡, or a file without the column). Rows cancelled for other reasons are kept (not death evidence) so that
/// the report counts what the file held.
/// </summary>
internal sealed class PoliceDeathRecordBuilder : RecordBuilder
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
        if (!row.Sex(out var sex)
            || !row.Date(ExtractField.BirthDate, out var birthDate)
            || !row.Date(ExtractField.DeathDate, out var deathDate)
            || !row.Date(ExtractField.CancelledOn, out var cancelledOn))
        {
            return null;
        }
        var reason = row.Text(ExtractField.CancelReason);
        // The declaration's filter (注销原因 死亡, or a file without the column) says which rows are death evidence.
        var isDeath = row.Passes(RowFilterEffect.KeepAsNonEvidence);
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
