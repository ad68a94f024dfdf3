using ReliefMatch.Core.Sources;

namespace ReliefMatch.SampleData;

/// <summary>What <see cref="SampleGenerator.Write"/> wrote.</summary>
/// <param name="Files">Every file, ordered by path.</param>
/// <param name="Planted">The cases planted for the rules to find (or, marked "no flag", to leave alone), with counts.</param>
/// <param name="Elapsed">Wall time of the whole generation.</param>
public sealed record SampleSummary(
    SampleOptions Options,
    IReadOnlyList<SampleFile> Files,
    IReadOnlyDictionary<string, int> Planted,
    TimeSpan Elapsed)
{
    /// <summary>Data rows per source id, every shipped source present.</summary>
    public IReadOnlyDictionary<string, long> RowsBySource { get; } = SourceCatalog.Shipped.Sources.ToDictionary(
        source => source.Id, source => Files.Where(f => f.Source == source.Id).Sum(f => f.Rows), StringComparer.Ordinal);

    public long TotalRows => Files.Sum(f => f.Rows);

    public long TotalBytes => Files.Sum(f => f.Bytes);

    /// <summary>Rows per second over the whole run.</summary>
    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? TotalRows / Elapsed.TotalSeconds : 0;
}
