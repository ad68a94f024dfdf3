using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Storage.Loading;

/// <summary>
/// The columns read back for each record table, and how a row becomes a record again. Texts that repeat across
/// rows go through the load's <see cref="StringPool"/>; unique ones (certificate numbers) do not.
/// </summary>
internal static class RecordColumns
{
    private const string Id = "extract_id, row, name, id_text, id_key, id_problem, id_upgraded";

    public const string Roster = Id + ", county_code, county, township, village, household_id, head_name, head_id_number, relation, programme, support_mode, status, enrolled_on, monthly_amount, last_check_on, last_visit_on, work_ability, income_stable";
    public const string Death = Id + ", kind, sex, birth_date, death_date, cancelled_on, cancel_reason, is_death, place, cause, reporter";
    public const string Disability = Id + ", certificate_no, category, level, issued_on, certificate_status, township, village";
    public const string Medical = Id + ", settled_on, total, basic_paid, critical_paid, assistance_paid, out_of_pocket, visit_type, institution";
    public const string Monitoring = Id + ", household_id, relation, monitor_type, risk, identified_on, risk_cleared, income_per_capita, township, village";

    private readonly record struct Common(long ExtractId, int Row, string Name, ParsedId Id);

    private static Common ReadCommon(CopyRowReader r, StringPool pool)
    {
        var extractId = r.Int64();
        var row = r.Int32();
        var name = r.Text(pool);
        var text = r.Text(pool);
        var key = r.NullableInt64();
        var problem = r.NullableText(null);
        var upgraded = r.Boolean();
        return new Common(extractId, row, name, text.Length == 0 && key is null ? ParsedId.Missing with { UpgradedFrom15 = upgraded } : StoredCodes.Id(text, key, problem, upgraded));
    }

    public static RosterRecord ReadRoster(CopyRowReader r, StringPool pool)
    {
        var c = ReadCommon(r, pool);
        return new RosterRecord
        {
            ExtractId = c.ExtractId,
            Row = c.Row,
            Name = c.Name,
            Id = c.Id,
            CountyCode = r.Text(pool),
            County = r.NullableText(pool),
            Township = r.Text(pool),
            Village = r.NullableText(pool),
            HouseholdId = r.Text(pool),
            HeadName = r.NullableText(pool),
            HeadIdNumber = r.NullableText(pool),
            Relation = r.NullableText(pool),
            Programme = StoredCodes.ParseProgramme(r.Text(null)),
            SupportMode = r.NullableInt16() is { } sm ? (SupportMode)sm : null,
            Status = StoredCodes.ParseStatus(r.Text(null)),
            EnrolledOn = r.NullableDate(),
            MonthlyAmount = r.NullableNumeric(),
            LastCheckOn = r.NullableDate(),
            LastVisitOn = r.NullableDate(),
            WorkAbility = r.NullableInt16() is { } wa ? (WorkAbility)wa : null,
            IncomeStable = r.NullableBoolean(),
        };
    }

    public static DeathRecord ReadDeath(CopyRowReader r, StringPool pool)
    {
        var c = ReadCommon(r, pool);
        var kindText = r.Text(null);
        return new DeathRecord
        {
            ExtractId = c.ExtractId,
            Row = c.Row,
            Name = c.Name,
            Id = c.Id,
            Kind = SourceKinds.TryParse(kindText, out var kind) ? kind : throw new InvalidDataException($"Unknown stored death kind '{kindText}'."),
            Sex = r.NullableInt16() is { } sex ? (Sex)sex : null,
            BirthDate = r.NullableDate(),
            DeathDate = r.NullableDate(),
            CancelledOn = r.NullableDate(),
            CancelReason = r.NullableText(pool),
            IsDeath = r.Boolean(),
            Place = r.NullableText(pool),
            Cause = r.NullableText(pool),
            Reporter = r.NullableText(pool),
        };
    }

    public static DisabilityRecord ReadDisability(CopyRowReader r, StringPool pool)
    {
        var c = ReadCommon(r, pool);
        return new DisabilityRecord
        {
            ExtractId = c.ExtractId,
            Row = c.Row,
            Name = c.Name,
            Id = c.Id,
            CertificateNo = r.NullableText(null),
            Category = (DisabilityCategory)r.Int16(),
            Level = r.Int16(),
            IssuedOn = r.NullableDate(),
            CertificateStatus = r.NullableText(pool),
            Township = r.NullableText(pool),
            Village = r.NullableText(pool),
        };
    }

    public static MedicalRecord ReadMedical(CopyRowReader r, StringPool pool)
    {
        var c = ReadCommon(r, pool);
        return new MedicalRecord
        {
            ExtractId = c.ExtractId,
            Row = c.Row,
            Name = c.Name,
            Id = c.Id,
            SettledOn = r.Date(),
            Total = r.NullableNumeric(),
            BasicPaid = r.NullableNumeric(),
            CriticalPaid = r.NullableNumeric(),
            AssistancePaid = r.NullableNumeric(),
            OutOfPocket = r.Numeric(),
            VisitType = r.NullableText(pool),
            Institution = r.NullableText(pool),
        };
    }

    public static MonitoringRecord ReadMonitoring(CopyRowReader r, StringPool pool)
    {
        var c = ReadCommon(r, pool);
        return new MonitoringRecord
        {
            ExtractId = c.ExtractId,
            Row = c.Row,
            Name = c.Name,
            Id = c.Id,
            HouseholdId = r.NullableText(pool),
            Relation = r.NullableText(pool),
            MonitorType = r.NullableText(pool),
            Risk = r.NullableText(pool),
            IdentifiedOn = r.NullableDate(),
            RiskCleared = r.Boolean(),
            IncomePerCapita = r.NullableNumeric(),
            Township = r.NullableText(pool),
            Village = r.NullableText(pool),
        };
    }
}
