using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// <c>id-name-mismatch</c>: a departmental record whose valid ID belongs to a home-county roster person under
/// another name (most often a relative's ID typed by mistake). One finding per record, filed under the roster
/// person; the discriminator names the record by content: source, the file's SHA-256 and the row.
/// </summary>
internal sealed class IdNameMismatchCheck : IRuleCheck
{
    public static RuleKind Kind => RuleKind.IdNameMismatch;

    /// <summary>
    /// The record sets the check reads, in the order it reads them: the sources each holds, the month data its
    /// matches need, and how its records under another person's name are found.
    /// </summary>
    private static readonly ScannedRecords[] Scanned =
    [
        new([SourceKind.PoliceDeaths, SourceKind.HealthDeaths], MonthParts.DeathMatches, (month, rule, parameters, findings) =>
        {
            var deaths = month.Data.Deaths;
            var matches = month.DeathMatches;
            for (var i = 0; i < deaths.Count; i++)
            {
                if (parameters.Uses(deaths[i].Kind))
                {
                    Consider(month, rule, deaths[i], matches[i], findings);
                }
            }
        }),
        new([SourceKind.Disability], MonthParts.DisabilityMatches, (month, rule, _, findings) =>
            ConsiderAll(month, rule, month.Data.Disability, month.DisabilityMatches, findings)),
        new([SourceKind.Monitoring], MonthParts.None, (month, rule, _, findings) =>
            ConsiderAll(month, rule, month.Data.Monitoring, month.MonitoringMatches, findings)),
        new([SourceKind.Medical], MonthParts.MedicalMismatches, (month, rule, _, findings) =>
        {
            var records = month.Data.Medical;
            foreach (var m in month.Medical.Mismatches)
            {
                Add(month, rule, records[m.Record], m.HomePerson, findings);
            }
        }),
    ];

    /// <summary>The sources a rule of this kind may list (<c>sources</c>), in <see cref="SourceKind"/> order.</summary>
    public static IReadOnlyList<SourceKind> Sources { get; } = [.. Scanned.SelectMany(s => s.Sources).Order()];

    public static RuleNeeds Needs(Rule rule)
    {
        var parameters = (RecordSourcesParameters)rule.Parameters;
        var parts = Scanned.Where(s => s.IsUsedBy(parameters)).Aggregate(MonthParts.None, (all, s) => all | s.Parts);
        return new() { Sources = [[SourceKind.Roster], parameters.Sources], Parts = parts };
    }

    public static void Run(MonthEvaluation month, Rule rule, List<Finding> findings)
    {
        var parameters = (RecordSourcesParameters)rule.Parameters;
        foreach (var set in Scanned)
        {
            if (set.IsUsedBy(parameters))
            {
                set.Scan(month, rule, parameters, findings);
            }
        }
    }

    private sealed record ScannedRecords(SourceKind[] Sources, MonthParts Parts, Action<MonthEvaluation, Rule, RecordSourcesParameters, List<Finding>> Scan)
    {
        public bool IsUsedBy(RecordSourcesParameters parameters) => Array.Exists(Sources, parameters.Uses);
    }

    private static void ConsiderAll(MonthEvaluation month, Rule rule, IReadOnlyList<ExtractRecord> records, IdentityMatch[] matches, List<Finding> findings)
    {
        for (var i = 0; i < records.Count; i++)
        {
            Consider(month, rule, records[i], matches[i], findings);
        }
    }

    private static void Consider(MonthEvaluation month, Rule rule, ExtractRecord record, IdentityMatch match, List<Finding> findings)
    {
        if (match.Person < 0 || !record.Id.IsValid)
        {
            return;
        }
        var home = month.MismatchedHomePerson(match);
        if (home >= 0)
        {
            Add(month, rule, record, home, findings);
        }
    }

    private static void Add(MonthEvaluation month, Rule rule, ExtractRecord record, int person, List<Finding> findings)
    {
        var row = month.Data.Roster[month.HomeRowOf(person)];
        var evidence = new[] { new Evidence(record.Source, record.ExtractId, record.Row, EvidenceText.NameMismatch(record, row.Name)) };
        var discriminator = Discriminator(month.Data, record);
        findings.Add(month.NewFinding(rule, record.Id.Text, row.HouseholdId.Trim(), row.Name, row.Township, row.Village ?? "",
            month.HomeProgrammes(person), Confidence.Review, evidence, discriminator));
    }

    /// <summary>
    /// <c>source:sha256:row</c>. Content only, never the database's extract id: identity values used up by an
    /// import that was killed and run again must not change a finding's key, nor so its 预警编号. An extract the
    /// set does not describe (records built in code, not stored) is named by its id.
    /// </summary>
    internal static string Discriminator(ExtractSet data, ExtractRecord record)
    {
        var file = data.Extracts.TryGetValue(record.ExtractId, out var extract)
            ? extract.Sha256
            : record.ExtractId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{record.Source.Id}:{file}:{record.Row}";
    }
}
