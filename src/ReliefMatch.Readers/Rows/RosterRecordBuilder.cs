using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Readers.Headers;

namespace ReliefMatch.Readers.Rows;

/// <summary>
/// 民政 救助对象花名册. A missing or invalid ID does not refuse a roster row: the row is the county's own record
/// of a recipient, and the <c>invalid-roster-id</c> rule reports it. Household-level values are kept as read
/// on each member's row; merging them is the engine's job.
/// </summary>
internal sealed class RosterRecordBuilder(string homeCountyCode, string homeCountyName) : RecordBuilder
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
        if (!row.RequiredText(ExtractField.Township, out var township)
            || !row.RequiredText(ExtractField.HouseholdId, out var householdId)
            || !row.RequiredCode<Programme>(ExtractField.Programme, CodeLists.TryProgramme, out var programme)
            || !row.RequiredCode<EnrolmentStatus>(ExtractField.Status, CodeLists.TryStatus, out var status)
            || !row.Code<SupportMode>(ExtractField.SupportMode, CodeLists.TrySupportMode, out var supportMode)
            || !row.Code<WorkAbility>(ExtractField.WorkAbility, CodeLists.TryWorkAbility, out var workAbility)
            || !row.Code<bool>(ExtractField.IncomeStable, CodeLists.TryYesNo, out var incomeStable)
            || !row.Date(ExtractField.EnrolledOn, out var enrolledOn)
            || !row.Date(ExtractField.LastCheckOn, out var lastCheckOn)
            || !row.Date(ExtractField.LastVisitOn, out var lastVisitOn)
            || !row.Money(ExtractField.MonthlyAmount, out var monthlyAmount))
        {
            return null;
        }
        var headId = row.Text(ExtractField.HeadIdNumber) is null ? null : row.Id(ExtractField.HeadIdNumber).Text;
        var county = row.Text(ExtractField.County);
        return new RosterRecord
        {
            Row = row.Row,
            Name = name,
            Id = id,
            CountyCode = CountyCode(row.Text(ExtractField.CountyCode), county),
            County = county,
            Township = township,
            Village = row.Text(ExtractField.Village),
            HouseholdId = householdId,
            HeadName = row.Text(ExtractField.HeadName),
            HeadIdNumber = string.IsNullOrEmpty(headId) ? null : headId,
            Relation = row.Text(ExtractField.Relation),
            Programme = programme,
            SupportMode = supportMode,
            Status = status,
            EnrolledOn = enrolledOn,
            MonthlyAmount = monthlyAmount,
            LastCheckOn = lastCheckOn,
            LastVisitOn = lastVisitOn,
            WorkAbility = workAbility,
            IncomeStable = incomeStable,
        };
    }

    /// <summary>
    /// The six-digit county code. Blank or absent means the home county — unless the row's 县(区) names another
    /// county, whose name then stands for its code (no code of the home county can equal it). Statistical
    /// division codes of 9 or 12 digits (a township's or the county's own <c>450326000000</c>) begin with their
    /// county's code.
    /// </summary>
    private string CountyCode(string? text, string? countyName)
    {
        if (text is null)
        {
            return countyName is null || IsHomeCountyName(countyName) ? homeCountyCode : countyName;
        }
        if (text.Length is 9 or 12 && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return text[..6];
        }
        return text;
    }

    /// <summary>永福县, 永福 (the suffix 县/区/市 left off) both name the home county.</summary>
    private bool IsHomeCountyName(string name)
    {
        static ReadOnlySpan<char> Stem(string s) => s.AsSpan().Trim().TrimEnd("县区市");
        return Stem(name).SequenceEqual(Stem(homeCountyName));
    }
}
