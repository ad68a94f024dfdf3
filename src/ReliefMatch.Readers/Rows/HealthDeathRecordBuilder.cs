using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Readers.Headers;

namespace ReliefMatch.Readers.Rows;

/// <summary>
/// 卫健 死亡医学证明: every row is a death. A certificate without an ID is kept: the engine identifies the person
/// by name, sex and birth date.
/// </summary>
internal sealed class HealthDeathRecordBuilder : RecordBuilder
{
    public override ExtractRecord? Build(RowCells row)
    {
        if (!row.RequiredText(ExtractField.Name, out var name))
        {
            return null;
        }
        var id = row.Id(ExtractField.IdNumber);
        if (id.Problem == IdProblem.ExcelDamaged)
        {
            row.RejectId(ExtractField.IdNumber, id.Problem);
            return null;
        }
        if (!row.RequiredDate(ExtractField.DeathDate, out var deathDate)
            || !row.Sex(out var sex)
            || !row.Date(ExtractField.BirthDate, out var birthDate))
        {
            return null;
        }
        return new DeathRecord
        {
            Kind = SourceKind.HealthDeaths,
            Row = row.Row,
            Name = name,
            Id = id,
            Sex = sex,
            BirthDate = birthDate,
            DeathDate = deathDate,
            IsDeath = true,
            Place = row.Text(ExtractField.Place),
            Cause = row.Text(ExtractField.Cause),
            Reporter = row.Text(ExtractField.Reporter),
        };
    }
}
