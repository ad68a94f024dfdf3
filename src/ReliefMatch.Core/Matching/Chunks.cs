namespace ReliefMatch.Core.Matching;

/// <summary>
/// Splits a large record list into contiguous chunks processed in parallel. Results are kept per chunk and
/// merged in chunk order by the caller, so the outcome does not depend on scheduling.
/// </summary>
internal static class Chunks
{
    private const int ParallelFrom = 100_000;

    public static int CountFor(int records) => records < ParallelFrom ? 1 : Math.Clamp(Environment.ProcessorCount * 4, 1, 64);

    /// <summary>Runs <paramref name="body"/>(chunk, from, to) over <see cref="CountFor"/> chunks of 0..<paramref name="count"/>.</summary>
    public static void For(int count, Action<int, int, int> body)
    {
        var chunks = CountFor(count);
        if (chunks == 1)
        {
            body(0, 0, count);
            return;
        }
        Parallel.For(0, chunks, c => body(c, (int)((long)count * c / chunks), (int)((long)count * (c + 1) / chunks)));
    }
}
