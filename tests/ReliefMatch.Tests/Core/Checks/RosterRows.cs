using ReliefMatch.Core.Extracts;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Core.Checks;

/// <summary>Roster rows for the due-list and sampling tests: <see cref="TestRecords.Roster"/> with what each test varies.</summary>
internal static class RosterRows
{
    private static int _row;

    public static RosterRecord Row(int person, string household, Programme programme = Programme.RuralDibao, string? lastCheck = "2023-01-31",
        EnrolmentStatus status = EnrolmentStatus.Active, string township = "永福镇", string county = "450326", string? enrolledOn = "2020-03-01",
        string relation = "户主") =>
        TestRecords.Roster(Interlocked.Increment(ref _row), person, household, programme) with
        {
            LastCheckOn = lastCheck is null ? null : DateOnly.Parse(lastCheck, System.Globalization.CultureInfo.InvariantCulture),
            Status = status,
            Township = township,
            CountyCode = county,
            EnrolledOn = enrolledOn is null ? null : DateOnly.Parse(enrolledOn, System.Globalization.CultureInfo.InvariantCulture),
            Relation = relation,
        };
}
