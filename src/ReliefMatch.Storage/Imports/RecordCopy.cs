using Npgsql;
using NpgsqlTypes;
using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Storage.Imports;

/// <summary>
/// Binary COPY of accepted records into the typed table of their source. Written for speed: one call per
/// value with its PostgreSQL type named, no boxing, no per-row allocation.
/// </summary>
internal static class RecordCopy
{
    public static string Table(SourceKind source) => source switch
    {
        SourceKind.Roster => "reliefmatch.roster_records",
        SourceKind.PoliceDeaths or SourceKind.HealthDeaths => "reliefmatch.death_records",
        SourceKind.Disability => "reliefmatch.disability_records",
        SourceKind.Medical => "reliefmatch.medical_records",
        SourceKind.Monitoring => "reliefmatch.monitoring_records",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    private const string IdColumns = "extract_id, row, name, id_text, id_key, id_problem, id_upgraded";

    public static string Columns(SourceKind source) => source switch
    {
        SourceKind.Roster => IdColumns + ", county_code, county, township, village, household_id, head_name, head_id_number, relation, programme, support_mode, status, enrolled_on, monthly_amount, last_check_on, last_visit_on, work_ability, income_stable",
        SourceKind.PoliceDeaths or SourceKind.HealthDeaths => IdColumns + ", kind, sex, birth_date, death_date, cancelled_on, cancel_reason, is_death, place, cause, reporter",
        SourceKind.Disability => IdColumns + ", certificate_no, category, level, issued_on, certificate_status, township, village",
        SourceKind.Medical => IdColumns + ", settled_on, total, basic_paid, critical_paid, assistance_paid, out_of_pocket, visit_type, institution",
        SourceKind.Monitoring => IdColumns + ", household_id, relation, monitor_type, risk, identified_on, risk_cleared, income_per_capita, township, village",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    /// <summary>The partition that holds one extract's records.</summary>
    public static string Partition(SourceKind source, long extractId) => $"{Table(source)}_{extractId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Creates the extract's partition, detached, with the CHECK that lets it be attached without a scan.</summary>
    public static string CreatePartition(SourceKind source, long extractId) =>
        $"CREATE TABLE {Partition(source, extractId)} (LIKE {Table(source)} INCLUDING DEFAULTS, CHECK (extract_id = {extractId.ToString(System.Globalization.CultureInfo.InvariantCulture)}))";

    /// <summary>COPY FREEZE: the rows of a table created in this transaction are written frozen, without WAL where the server allows.</summary>
    public static string CopyIn(SourceKind source, long extractId) => $"COPY {Partition(source, extractId)} ({Columns(source)}) FROM STDIN (FORMAT BINARY, FREEZE)";

    public static string AttachPartition(SourceKind source, long extractId) =>
        $"ALTER TABLE {Table(source)} ATTACH PARTITION {Partition(source, extractId)} FOR VALUES IN ({extractId.ToString(System.Globalization.CultureInfo.InvariantCulture)})";

    public static void Write(NpgsqlBinaryImporter w, SourceKind source, long extractId, ExtractRecord record)
    {
        if (record.Source != source)
        {
            throw new InvalidOperationException($"A {record.Source.Id()} record (row {record.Row}) was read from a {source.Id()} extract.");
        }
        w.StartRow();
        w.Write(extractId, NpgsqlDbType.Bigint);
        w.Write(record.Row, NpgsqlDbType.Integer);
        w.Write(StoredCodes.Clean(record.Name), NpgsqlDbType.Text);
        var id = record.Id;
        w.Write(StoredCodes.Clean(id.Text ?? ""), NpgsqlDbType.Text);
        if (id.Id is { } valid)
        {
            w.Write(valid.Key, NpgsqlDbType.Bigint);
        }
        else
        {
            w.WriteNull();
        }
        Text(w, StoredCodes.Problem(id.Problem));
        w.Write(id.UpgradedFrom15, NpgsqlDbType.Boolean);
        switch (record)
        {
            case MedicalRecord m:
                w.Write(m.SettledOn, NpgsqlDbType.Date);
                Number(w, m.Total);
                Number(w, m.BasicPaid);
                Number(w, m.CriticalPaid);
                Number(w, m.AssistancePaid);
                w.Write(m.OutOfPocket, NpgsqlDbType.Numeric);
                Text(w, m.VisitType);
                Text(w, m.Institution);
                break;
            case RosterRecord r:
                w.Write(StoredCodes.Clean(r.CountyCode), NpgsqlDbType.Text);
                Text(w, r.County);
                w.Write(StoredCodes.Clean(r.Township), NpgsqlDbType.Text);
                Text(w, r.Village);
                w.Write(StoredCodes.Clean(r.HouseholdId), NpgsqlDbType.Text);
                Text(w, r.HeadName);
                Text(w, r.HeadIdNumber);
                Text(w, r.Relation);
                w.Write(r.Programme.Id(), NpgsqlDbType.Text);
                Small(w, r.SupportMode is { } sm ? (short)sm : null);
                w.Write(StoredCodes.Status(r.Status), NpgsqlDbType.Text);
                Date(w, r.EnrolledOn);
                Number(w, r.MonthlyAmount);
                Date(w, r.LastCheckOn);
                Date(w, r.LastVisitOn);
                Small(w, r.WorkAbility is { } wa ? (short)wa : null);
                Bool(w, r.IncomeStable);
                break;
            case DeathRecord d:
                w.Write(d.Kind.Id(), NpgsqlDbType.Text);
                Small(w, d.Sex is { } sex ? (short)sex : null);
                Date(w, d.BirthDate);
                Date(w, d.DeathDate);
                Date(w, d.CancelledOn);
                Text(w, d.CancelReason);
                w.Write(d.IsDeath, NpgsqlDbType.Boolean);
                Text(w, d.Place);
                Text(w, d.Cause);
                Text(w, d.Reporter);
                break;
            case DisabilityRecord b:
                Text(w, b.CertificateNo);
                w.Write((short)b.Category, NpgsqlDbType.Smallint);
                w.Write((short)b.Level, NpgsqlDbType.Smallint);
                Date(w, b.IssuedOn);
                Text(w, b.CertificateStatus);
                Text(w, b.Township);
                Text(w, b.Village);
                break;
            case MonitoringRecord m:
                Text(w, m.HouseholdId);
                Text(w, m.Relation);
                Text(w, m.MonitorType);
                Text(w, m.Risk);
                Date(w, m.IdentifiedOn);
                w.Write(m.RiskCleared, NpgsqlDbType.Boolean);
                Number(w, m.IncomePerCapita);
                Text(w, m.Township);
                Text(w, m.Village);
                break;
            default:
                throw new InvalidOperationException($"No table for {record.GetType().Name}.");
        }
    }

    public const string CopyRejects = "COPY reliefmatch.rejected_rows (extract_id, row, column_name, value, reason) FROM STDIN (FORMAT BINARY)";

    public static void WriteReject(NpgsqlBinaryImporter w, long extractId, RejectedRow reject)
    {
        w.StartRow();
        w.Write(extractId, NpgsqlDbType.Bigint);
        w.Write(reject.Row, NpgsqlDbType.Integer);
        w.Write(StoredCodes.Clean(reject.Column ?? ""), NpgsqlDbType.Text);
        w.Write(StoredCodes.Clean(reject.Value ?? ""), NpgsqlDbType.Text);
        w.Write(StoredCodes.Clean(reject.Reason ?? ""), NpgsqlDbType.Text);
    }

    private static void Text(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(StoredCodes.Clean(value), NpgsqlDbType.Text);
        }
    }

    private static void Number(NpgsqlBinaryImporter w, decimal? value)
    {
        if (value is { } v)
        {
            w.Write(v, NpgsqlDbType.Numeric);
        }
        else
        {
            w.WriteNull();
        }
    }

    private static void Date(NpgsqlBinaryImporter w, DateOnly? value)
    {
        if (value is { } v)
        {
            w.Write(v, NpgsqlDbType.Date);
        }
        else
        {
            w.WriteNull();
        }
    }

    private static void Small(NpgsqlBinaryImporter w, short? value)
    {
        if (value is { } v)
        {
            w.Write(v, NpgsqlDbType.Smallint);
        }
        else
        {
            w.WriteNull();
        }
    }

    private static void Bool(NpgsqlBinaryImporter w, bool? value)
    {
        if (value is { } v)
        {
            w.Write(v, NpgsqlDbType.Boolean);
        }
        else
        {
            w.WriteNull();
        }
    }
}
