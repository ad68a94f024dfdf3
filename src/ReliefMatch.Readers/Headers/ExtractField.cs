namespace ReliefMatch.Readers.Headers;

/// <summary>The canonical field names of docs/sources.md, as rule files and reports name them (see <see cref="ExtractFields.Id"/>).</summary>
internal enum ExtractField
{
    CountyCode,
    County,
    Township,
    Village,
    HouseholdId,
    HeadName,
    HeadIdNumber,
    Name,
    IdNumber,
    Relation,
    Programme,
    SupportMode,
    Status,
    EnrolledOn,
    MonthlyAmount,
    LastCheckOn,
    LastVisitOn,
    WorkAbility,
    IncomeStable,
    Sex,
    BirthDate,
    DeathDate,
    CancelledOn,
    CancelReason,
    Address,
    Station,
    Place,
    Cause,
    Reporter,
    CertificateNo,
    Category,
    Level,
    IssuedOn,
    CertificateStatus,
    SettledOn,
    Total,
    BasicPaid,
    CriticalPaid,
    AssistancePaid,
    OutOfPocket,
    VisitType,
    Institution,
    MonitorType,
    Risk,
    IdentifiedOn,
    RiskCleared,
    IncomePerCapita,
}

internal static class ExtractFields
{
    public const int Count = (int)ExtractField.IncomePerCapita + 1;

    /// <summary>The snake_case name of docs/sources.md, e.g. <c>id_number</c>.</summary>
    public static string Id(this ExtractField field) => Ids[(int)field];

    /// <summary>The field whose snake_case name is <paramref name="id"/>.</summary>
    public static bool TryParse(string id, out ExtractField field)
    {
        var i = Array.IndexOf(Ids, id);
        field = (ExtractField)Math.Max(i, 0);
        return i >= 0;
    }

    private static readonly string[] Ids = BuildIds();

    private static string[] BuildIds()
    {
        var ids = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            var name = ((ExtractField)i).ToString();
            var sb = new System.Text.StringBuilder(name.Length + 4);
            foreach (var c in name)
            {
                if (char.IsUpper(c) && sb.Length > 0)
                {
                    sb.Append('_');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            ids[i] = sb.ToString();
        }
        return ids;
    }
}
