using System.Globalization;
using ReliefMatch.Core.Findings;

namespace ReliefMatch.Host.Outputs;

/// <summary>
/// <c>findings.csv</c>: every finding of the run, one row each, with the full ID, for the county data officer
/// and for auditors. Rows are in ordinal order of rule, township, village, ID, household and discriminator,
/// so the same findings always give the same bytes.
/// </summary>
public static class FindingsCsvWriter
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "rule", "id_number", "household_id", "name", "township", "village", "category", "confidence", "evidence", "first_seen",
        "rule_version", "status", "due_date", "reference",
    ];

    public static void Write(Stream output, IEnumerable<RunFinding> findings)
    {
        var rows = Sorted(findings).Select(f => (IReadOnlyList<string>)
        [
            f.Finding.RuleId,
            f.Finding.IdNumber,
            f.Finding.HouseholdId,
            f.Finding.Name,
            f.Finding.Township,
            f.Finding.Village,
            FindingText.Programmes(f.Finding),
            f.Finding.Confidence.Id(),
            FindingText.Evidence(f.Finding, fullIds: true),
            f.FirstSeen.ToString(),
            f.Finding.RuleVersion.ToString(CultureInfo.InvariantCulture),
            f.Status.Id(),
            FindingText.Date(f.DueDate),
            f.Finding.Reference,
        ]);
        CsvOutput.Write(output, Columns, rows);
    }

    private static IEnumerable<RunFinding> Sorted(IEnumerable<RunFinding> findings) =>
        findings
            .OrderBy(f => f.Finding.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.Township, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.Village, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.IdNumber, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.HouseholdId, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.Discriminator, StringComparer.Ordinal);
}
