using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Places;
using ReliefMatch.Core.Sanity;
using ReliefMatch.Core.Statistics;

namespace ReliefMatch.Host.Outputs;

/// <summary>What <c>reliefmatch run</c> hands over to write its outputs into <see cref="OutputDirectory"/>.</summary>
public sealed record RunOutputRequest
{
    public required string OutputDirectory { get; init; }
    public required ReportingMonth Period { get; init; }
    /// <summary>The installation's county: its name heads the worklists and the 统计表.</summary>
    public required HomeCounty County { get; init; }
    /// <summary>The townships of the home county (from the roster): each gets a worklist and a 统计表 sheet.</summary>
    public required IReadOnlyList<string> HomeTownships { get; init; }
    /// <summary>Every finding of the run with its first month and status, dismissed ones included.</summary>
    public required IReadOnlyList<RunFinding> Findings { get; init; }
    public IReadOnlyList<FileReport> Imports { get; init; } = [];
    /// <summary>The extract sanity warnings of the month, written into <c>imports.json</c> when there are any.</summary>
    public IReadOnlyList<SanityWarning> Checks { get; init; } = [];
    /// <summary>
    /// The month's 统计表 counted with every source storage holds; null counts it from <see cref="Findings"/> alone, every
    /// cell with another source left blank.
    /// </summary>
    public MonthStatistics? Statistics { get; init; }
    /// <summary>Print full IDs on the worklists instead of masked ones.</summary>
    public bool FullIds { get; init; }
}
