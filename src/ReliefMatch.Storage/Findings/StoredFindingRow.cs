using Npgsql;
using ReliefMatch.Core.Findings;

namespace ReliefMatch.Storage.Findings;

/// <summary>
/// The one mapping of a row of <c>reliefmatch.findings</c> back to a <see cref="Finding"/>: a query selects
/// <see cref="Columns"/> first (in that order) and its own columns after, from <see cref="Count"/> on. The run's
/// reading of a month and the workplace's queries both read findings through it, so a stored value read one way is
/// read the same way everywhere.
/// </summary>
internal static class StoredFindingRow
{
    /// <summary>The finding's own columns, of <c>reliefmatch.findings f</c>; the evidence as JSON text (column 11).</summary>
    public const string Columns = """
        f.key, f.rule_id, f.rule_version, f.id_number, f.household_id, f.discriminator, f.name, f.township, f.village,
        f.programmes, f.confidence, f.evidence::text, f.feeds_data_warning, f.suggested_action, f.due_days
        """;

    /// <summary><see cref="Columns"/> with an empty evidence array in place of the stored one.</summary>
    public static readonly string ColumnsWithoutEvidence = Columns.Replace("f.evidence::text", "'[]'::text", StringComparison.Ordinal);

    /// <summary>
    /// <paramref name="columns"/> (<see cref="Columns"/> or <see cref="ColumnsWithoutEvidence"/>) for a query joined to the
    /// month's row of <c>reliefmatch.finding_periods fp</c>: the rule version is the one that raised the finding in that
    /// month, not the latest run's.
    /// </summary>
    public static string InPeriod(string columns) => columns.Replace("f.rule_version", "fp.rule_version", StringComparison.Ordinal);

    /// <summary>How many columns <see cref="Columns"/> names: the caller's own start at this ordinal.</summary>
    public const int Count = 15;

    /// <summary>The ordinal of the evidence JSON, for a caller that parses it later (<see cref="StoredEvidence.Parse"/>).</summary>
    public const int EvidenceOrdinal = 11;

    /// <summary>The finding of the current row; its evidence parsed unless <paramref name="withEvidence"/> is false (left empty).</summary>
    /// <param name="ruleTitle">The rule's title, which is not stored (it comes from the rule set in force).</param>
    public static Finding Read(NpgsqlDataReader r, string ruleTitle = "", bool withEvidence = true) => new()
    {
        RuleId = r.GetString(1),
        RuleVersion = r.GetInt32(2),
        RuleTitle = ruleTitle,
        IdNumber = r.GetString(3),
        HouseholdId = r.GetString(4),
        Discriminator = r.GetString(5),
        Name = r.GetString(6),
        Township = r.GetString(7),
        Village = r.GetString(8),
        Programmes = r.GetFieldValue<string[]>(9).Select(StoredCodes.ParseProgramme).ToList(),
        Confidence = StoredCodes.ParseConfidence(r.GetString(10)),
        Evidence = withEvidence ? StoredEvidence.Parse(r.GetString(EvidenceOrdinal)) : [],
        FeedsDataWarning = r.GetBoolean(12),
        SuggestedAction = r.GetString(13),
        DueDays = r.GetInt32(14),
    };
}
