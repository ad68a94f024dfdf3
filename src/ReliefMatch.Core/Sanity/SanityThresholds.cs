using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Sanity;

/// <summary>
/// The thresholds of the extract sanity checks (<c>rules/settings/sanity.yaml</c>): when a month's extract of a source
/// differs enough from the same source's previous month to be worth an officer's look. The checks never block an
/// import or a run; the thresholds only decide what is pointed out.
/// </summary>
public sealed record SanityThresholds
{
    /// <summary>The file's name inside the rules folder.</summary>
    public const string FileName = "settings/sanity.yaml";

    /// <summary>A month's rows read that differ from the previous month's by more than this share (0.30 = 30 %) are pointed out.</summary>
    public required decimal RowChangeShare { get; init; }

    /// <summary>Below this many rows in the previous month the row count is not compared: small counts swing by nature.</summary>
    public required int MinimumRows { get; init; }

    /// <summary>A share of rejected rows higher than the previous month's by more than this (0.05 = 5 percentage points) is pointed out.</summary>
    public required decimal RejectedShareJump { get; init; }

    /// <summary>
    /// Per source id, the declared date fields whose dates should fall in the stamped month (a month's settlements are
    /// settled in it): a month whose every such date falls outside it is pointed out, as the extract is likely another month's.
    /// </summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> MonthDates { get; init; }

    /// <summary>The shipped <c>rules/settings/sanity.yaml</c> (compiled in): what applies when an installation's rules folder has none.</summary>
    public static SanityThresholds Shipped { get; } = LoadShipped();

    private static SanityThresholds LoadShipped()
    {
        using var stream = typeof(SanityThresholds).Assembly.GetManifestResourceStream(FileName)
            ?? throw new InvalidOperationException($"{FileName} is not compiled in.");
        using var text = new StreamReader(stream);
        return SanityThresholdsLoader.Load(new RuleFile(FileName, text.ReadToEnd()));
    }
}
