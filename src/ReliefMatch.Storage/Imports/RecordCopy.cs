using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Sources;

namespace ReliefMatch.Storage.Imports;

/// <summary>
/// Binary COPY of accepted records into the typed table of their source. Written for speed: one call per
/// value straight into the COPY's buffer (<see cref="CopyRowWriter"/>), no boxing, no per-row allocation.
/// </summary>
internal static class RecordCopy
{
    /// <summary>The table of a source's records: the typed table of one of the six, else the declared sources' one.</summary>
    public static string Table(SourceRef source) => source.Kind is { } kind ? Table(kind) : DeclaredRecordCopy.Table;

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

    public static string Columns(SourceRef source) => source.Kind is { } kind ? Columns(kind) : DeclaredRecordCopy.Columns;

    public static string Columns(SourceKind source) => source switch
    {
        SourceKind.Roster => IdColumns + ", county_code, county, township, village, household_id, head_name, head_id_number, relation, programme, support_mode, status, enrolled_on, monthly_amount, last_check_on, last_visit_on, work_ability, income_stable",
        SourceKind.PoliceDeaths or SourceKind.HealthDeaths => IdColumns + ", kind, sex, birth_date, death_date, cancelled_on, cancel_reason, is_death, place, cause, reporter",
        SourceKind.Disability => IdColumns + ", certificate_no, category, level, issued_on, certificate_status, township, village",
        SourceKind.Medical => IdColumns + ", settled_on, total, basic_paid, critical_paid, assistance_paid, out_of_pocket, visit_type, institution",
        SourceKind.Monitoring => IdColumns + ", household_id, relation, monitor_type, risk, identified_on, risk_cleared, income_per_capita, township, village",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    /// <summary>How many columns a row of the source's table has (as <see cref="Columns"/> lists them).</summary>
    public static int FieldCount(SourceKind source) => source switch
    {
        SourceKind.Roster => RosterFields,
        SourceKind.PoliceDeaths or SourceKind.HealthDeaths => DeathFields,
        SourceKind.Disability => DisabilityFields,
        SourceKind.Medical => MedicalFields,
        SourceKind.Monitoring => MonitoringFields,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    private static readonly int RosterFields = Columns(SourceKind.Roster).Split(',').Length;
    private static readonly int DeathFields = Columns(SourceKind.PoliceDeaths).Split(',').Length;
    private static readonly int DisabilityFields = Columns(SourceKind.Disability).Split(',').Length;
    private static readonly int MedicalFields = Columns(SourceKind.Medical).Split(',').Length;
    private static readonly int MonitoringFields = Columns(SourceKind.Monitoring).Split(',').Length;

    /// <summary>The partition that holds one extract's records.</summary>
    public static string Partition(SourceRef source, long extractId) => $"{Table(source)}_{extractId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Creates the extract's partition, detached, with the CHECK that lets it be attached without a scan. Autovacuum is
    /// off for it: its rows are written once, frozen, by the COPY that fills it, and never updated or deleted, so
    /// there is nothing to vacuum; left on, it vacuumed and analysed each new partition a minute after the import,
    /// in the middle of the month's run (5 s of a province run's processor time).
    /// </summary>
    public static string CreatePartition(SourceRef source, long extractId) =>
        $"CREATE TABLE {Partition(source, extractId)} (LIKE {Table(source)} INCLUDING DEFAULTS, CHECK (extract_id = {extractId.ToString(System.Globalization.CultureInfo.InvariantCulture)})) " +
        "WITH (autovacuum_enabled = false, toast.autovacuum_enabled = false)";

    /// <summary>COPY FREEZE: the rows of a table created in this transaction are written frozen, without WAL where the server allows.</summary>
    public static string CopyIn(SourceRef source, long extractId) => $"COPY {Partition(source, extractId)} ({Columns(source)}) FROM STDIN (FORMAT BINARY, FREEZE)";

    public static string AttachPartition(SourceRef source, long extractId) =>
        $"ALTER TABLE {Table(source)} ATTACH PARTITION {Partition(source, extractId)} FOR VALUES IN ({extractId.ToString(System.Globalization.CultureInfo.InvariantCulture)})";

    public static void Write(CopyRowWriter w, SourceRef source, long extractId, ExtractRecord record)
    {
        if (record.Source != source)
        {
            throw new InvalidOperationException($"A {record.Source.Id} record (row {record.Row}) was read from a {source.Id} extract.");
        }
        if (record is DeclaredRecord declared)
        {
            DeclaredRecordCopy.Write(w, extractId, declared);
            return;
        }
        w.StartRow(FieldCount(source.Kind!.Value));
        w.Int64(extractId);
        w.Int32(record.Row);
        w.Text(StoredCodes.Clean(record.Name));
        var id = record.Id;
        w.Text(StoredCodes.Clean(id.Text ?? ""));
        if (id.Id is { } valid)
        {
            w.Int64(valid.Key);
        }
        else
        {
            w.Null();
        }
        Text(w, StoredCodes.Problem(id.Problem));
        w.Boolean(id.UpgradedFrom15);
        switch (record)
        {
            case MedicalRecord m:
                w.Date(m.SettledOn);
                w.NullableNumeric(m.Total);
                w.NullableNumeric(m.BasicPaid);
                w.NullableNumeric(m.CriticalPaid);
                w.NullableNumeric(m.AssistancePaid);
                w.Numeric(m.OutOfPocket);
                Text(w, m.VisitType);
                Text(w, m.Institution);
                break;
            case RosterRecord r:
                w.Text(StoredCodes.Clean(r.CountyCode));
                Text(w, r.County);
                w.Text(StoredCodes.Clean(r.Township));
                Text(w, r.Village);
                w.Text(StoredCodes.Clean(r.HouseholdId));
                Text(w, r.HeadName);
                Text(w, r.HeadIdNumber);
                Text(w, r.Relation);
                w.Text(r.Programme.Id());
                w.NullableInt16(r.SupportMode is { } sm ? (short)sm : null);
                w.Text(StoredCodes.Status(r.Status));
                w.NullableDate(r.EnrolledOn);
                w.NullableNumeric(r.MonthlyAmount);
                w.NullableDate(r.LastCheckOn);
                w.NullableDate(r.LastVisitOn);
                w.NullableInt16(r.WorkAbility is { } wa ? (short)wa : null);
                w.NullableBoolean(r.IncomeStable);
                break;
            case DeathRecord d:
                w.Text(d.Kind.Id);
                w.NullableInt16(d.Sex is { } sex ? (short)sex : null);
                w.NullableDate(d.BirthDate);
                w.NullableDate(d.DeathDate);
                w.NullableDate(d.CancelledOn);
                Text(w, d.CancelReason);
                w.Boolean(d.IsDeath);
                Text(w, d.Place);
                Text(w, d.Cause);
                Text(w, d.Reporter);
                break;
            case DisabilityRecord b:
                Text(w, b.CertificateNo);
                w.Int16((short)b.Category);
                w.Int16((short)b.Level);
                w.NullableDate(b.IssuedOn);
                Text(w, b.CertificateStatus);
                Text(w, b.Township);
                Text(w, b.Village);
                break;
            case MonitoringRecord m:
                Text(w, m.HouseholdId);
                Text(w, m.Relation);
                Text(w, m.MonitorType);
                Text(w, m.Risk);
                w.NullableDate(m.IdentifiedOn);
                w.Boolean(m.RiskCleared);
                w.NullableNumeric(m.IncomePerCapita);
                Text(w, m.Township);
                Text(w, m.Village);
                break;
            default:
                throw new InvalidOperationException($"No table for {record.GetType().Name}.");
        }
    }

    public const string CopyRejects = "COPY reliefmatch.rejected_rows (extract_id, row, column_name, value, reason) FROM STDIN (FORMAT BINARY)";

    public static void WriteReject(CopyRowWriter w, long extractId, RejectedRow reject)
    {
        w.StartRow(5);
        w.Int64(extractId);
        w.Int32(reject.Row);
        w.Text(StoredCodes.Clean(reject.Column ?? ""));
        w.Text(StoredCodes.Clean(reject.Value ?? ""));
        w.Text(StoredCodes.Clean(reject.Reason ?? ""));
    }

    private static void Text(CopyRowWriter w, string? value) => w.NullableText(value is null ? null : StoredCodes.Clean(value));
}
