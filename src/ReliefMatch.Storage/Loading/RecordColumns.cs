using Npgsql;
using NpgsqlTypes;
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

    private static Common ReadCommon(NpgsqlBinaryExporter r, StringPool pool)
    {
        var extractId = r.Read<long>(NpgsqlDbType.Bigint);
        var row = r.Read<int>(NpgsqlDbType.Integer);
        var name = pool.Intern(r.Read<string>(NpgsqlDbType.Text));
        var text = pool.Intern(r.Read<string>(NpgsqlDbType.Text));
        var key = Long(r);
        var problem = Text(r, null);
        var upgraded = r.Read<bool>(NpgsqlDbType.Boolean);
        return new Common(extractId, row, name, text.Length == 0 && key is null ? ParsedId.Missing with { UpgradedFrom15 = upgraded } : StoredCodes.Id(text, key, problem, upgraded));
    }

    public static RosterRecord ReadRoster(NpgsqlBinaryExporter r, StringPool pool)
    {
        var c = ReadCommon(r, pool);
        return new RosterRecord
        {
            ExtractId = c.ExtractId,
            Row = c.Row,
            Name = c.Name,
            Id = c.Id,
            CountyCode = pool.Intern(r.Read<string>(NpgsqlDbType.Text)),
            County = Text(r, pool),
            Township = pool.Intern(r.Read<string>(NpgsqlDbType.Text)),
            Village = Text(r, pool),
            HouseholdId = pool.Intern(r.Read<string>(NpgsqlDbType.Text)),
            HeadName = Text(r, pool),
            HeadIdNumber = Text(r, pool),
            Relation = Text(r, pool),
            Programme = StoredCodes.ParseProgramme(r.Read<string>(NpgsqlDbType.Text)),
            SupportMode = Small(r) is { } sm ? (SupportMode)sm : null,
            Status = StoredCodes.ParseStatus(r.Read<string>(NpgsqlDbType.Text)),
            EnrolledOn = Date(r),
            MonthlyAmount = Number(r),
            LastCheckOn = Date(r),
            LastVisitOn = Date(r),
            WorkAbility = Small(r) is { } wa ? (WorkAbility)wa : null,
            IncomeStable = Bool(r),
        };
    }

    public static DeathRecord ReadDeath(NpgsqlBinaryExporter r, StringPool pool)
    {
        var c = ReadCommon(r, pool);
        var kindText = r.Read<string>(NpgsqlDbType.Text);
        return new DeathRecord
        {
            ExtractId = c.ExtractId,
            Row = c.Row,
            Name = c.Name,
            Id = c.Id,
            Kind = SourceKinds.TryParse(kindText, out var kind) ? kind : throw new InvalidDataException($"Unknown stored death kind '{kindText}'."),
            Sex = Small(r) is { } sex ? (Sex)sex : null,
            BirthDate = Date(r),
            DeathDate = Date(r),
            CancelledOn = Date(r),
            CancelReason = Text(r, pool),
            IsDeath = r.Read<bool>(NpgsqlDbType.Boolean),
            Place = Text(r, pool),
            Cause = Text(r, pool),
            Reporter = Text(r, pool),
        };
    }

    public static DisabilityRecord ReadDisability(NpgsqlBinaryExporter r, StringPool pool)
    {
        var c = ReadCommon(r, pool);
        return new DisabilityRecord
        {
            ExtractId = c.ExtractId,
            Row = c.Row,
            Name = c.Name,
            Id = c.Id,
            CertificateNo = Text(r, null),
            Category = (DisabilityCategory)r.Read<short>(NpgsqlDbType.Smallint),
            Level = r.Read<short>(NpgsqlDbType.Smallint),
            IssuedOn = Date(r),
            CertificateStatus = Text(r, pool),
            Township = Text(r, pool),
            Village = Text(r, pool),
        };
    }

    public static MedicalRecord ReadMedical(NpgsqlBinaryExporter r, StringPool pool)
    {
        var c = ReadCommon(r, pool);
        return new MedicalRecord
        {
            ExtractId = c.ExtractId,
            Row = c.Row,
            Name = c.Name,
            Id = c.Id,
            SettledOn = r.Read<DateOnly>(NpgsqlDbType.Date),
            Total = Number(r),
            BasicPaid = Number(r),
            CriticalPaid = Number(r),
            AssistancePaid = Number(r),
            OutOfPocket = r.Read<decimal>(NpgsqlDbType.Numeric),
            VisitType = Text(r, pool),
            Institution = Text(r, pool),
        };
    }

    public static MonitoringRecord ReadMonitoring(NpgsqlBinaryExporter r, StringPool pool)
    {
        var c = ReadCommon(r, pool);
        return new MonitoringRecord
        {
            ExtractId = c.ExtractId,
            Row = c.Row,
            Name = c.Name,
            Id = c.Id,
            HouseholdId = Text(r, pool),
            Relation = Text(r, pool),
            MonitorType = Text(r, pool),
            Risk = Text(r, pool),
            IdentifiedOn = Date(r),
            RiskCleared = r.Read<bool>(NpgsqlDbType.Boolean),
            IncomePerCapita = Number(r),
            Township = Text(r, pool),
            Village = Text(r, pool),
        };
    }

    private static string? Text(NpgsqlBinaryExporter r, StringPool? pool)
    {
        if (r.IsNull)
        {
            r.Skip();
            return null;
        }
        var text = r.Read<string>(NpgsqlDbType.Text);
        return pool is null ? text : pool.Intern(text);
    }

    private static long? Long(NpgsqlBinaryExporter r)
    {
        if (r.IsNull)
        {
            r.Skip();
            return null;
        }
        return r.Read<long>(NpgsqlDbType.Bigint);
    }

    private static short? Small(NpgsqlBinaryExporter r)
    {
        if (r.IsNull)
        {
            r.Skip();
            return null;
        }
        return r.Read<short>(NpgsqlDbType.Smallint);
    }

    private static DateOnly? Date(NpgsqlBinaryExporter r)
    {
        if (r.IsNull)
        {
            r.Skip();
            return null;
        }
        return r.Read<DateOnly>(NpgsqlDbType.Date);
    }

    private static decimal? Number(NpgsqlBinaryExporter r)
    {
        if (r.IsNull)
        {
            r.Skip();
            return null;
        }
        return r.Read<decimal>(NpgsqlDbType.Numeric);
    }

    private static bool? Bool(NpgsqlBinaryExporter r)
    {
        if (r.IsNull)
        {
            r.Skip();
            return null;
        }
        return r.Read<bool>(NpgsqlDbType.Boolean);
    }
}
