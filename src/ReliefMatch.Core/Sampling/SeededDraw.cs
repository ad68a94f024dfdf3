using MathNet.Numerics.Random;

namespace ReliefMatch.Core.Sampling;

/// <summary>
/// The draw every reproducible sample of the county makes (the 低保 online review, the control list): a Mersenne
/// Twister (MT19937, seeded through init_genrand) picks <c>size</c> of the candidates, already in a stable order, by a
/// partial Fisher–Yates shuffle: for i = 0, 1, …, size − 1, with u = genrand_int32() / 2³², swap candidate i with
/// candidate i + ⌊u · (n − i)⌋. Any MT19937 implementation (Python's, C's reference code) gives the same draw.
/// </summary>
public static class SeededDraw
{
    /// <summary>Names the generator and the shuffle; the caller says what order the candidates were in.</summary>
    public const string Shuffle = "MT19937 init_genrand(seed); for i < size: swap(i, i + floor(genrand_int32() / 2^32 * (n - i)))";

    /// <summary>The first <paramref name="size"/> candidates after the shuffle, in draw order; <paramref name="candidates"/> is shuffled in place.</summary>
    public static T[] Pick<T>(T[] candidates, int size, int seed)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, candidates.Length);
        var random = new MersenneTwister(seed, threadSafe: false);
        for (var i = 0; i < size; i++)
        {
            // NextDouble is genrand_int32() / 2^32 (not Next(min, max), whose mapping is the library's own).
            var j = i + (int)(random.NextDouble() * (candidates.Length - i));
            (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
        }
        return candidates[..size];
    }
}
