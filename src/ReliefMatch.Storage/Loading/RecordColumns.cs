using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Storage.Imports;

namespace ReliefMatch.Storage.Loading;

/// <summary>
/// The columns read back for each record table, and how a row becomes a record again. Texts that repeat across
/// rows go through the load's <see cref="StringPool"/>; unique ones (certificate numbers) do not.
/// </summary>
internal static class RecordColumns
{
    // The columns are those the import writes (RecordCopy), in the same order, which the readers below follow.
    public static readonly string Roster = RecordCopy.Columns(SourceKind.Roster);
    public static readonly string Death = RecordCopy.Columns(SourceKind.PoliceDeaths);
    public static readonly string Disability = RecordCopy.Columns(SourceKind.Disability);
    public static readonly string Medical = RecordCopy.Columns(SourceKind.Medical);
    public static readonly string Monitoring = RecordCopy.Columns(SourceKind.Monitoring);

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
