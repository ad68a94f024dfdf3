using System.Runtime.CompilerServices;

namespace ReliefMatch.SampleData;

/// <summary>
/// The one source of randomness of the sample generator: SplitMix64, integer arithmetic only, so a seed gives
/// the same stream on every machine and runtime (no <see cref="Random"/>, whose algorithm may change, and no
/// floating-point functions, whose last bits may differ between CPUs).
/// </summary>
internal struct SampleRandom
{
    private ulong _state;

    /// <summary>An independent stream for <paramref name="stream"/> (a job or a kind of choice) under one seed.</summary>
    public SampleRandom(long seed, ulong stream)
    {
        _state = Mix(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL) ^ Mix(stream + 0x632BE59BD9B4E019UL));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextULong()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
        }
        return Mix(_state);
    }

    /// <summary>Uniform in [0, n) for 0 &lt; n &lt; 2^31 (Lemire's multiply-shift; the bias is below 2^-32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(int n) => (int)(((NextULong() >> 32) * (ulong)n) >> 32);

    /// <summary>Uniform in [0, n) for large n.</summary>
    public long NextLong(long n) => (long)(NextULong() % (ulong)n);

    /// <summary>Uniform in [low, high], both included.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Between(int low, int high) => low + Next(high - low + 1);

    public long Between(long low, long high) => low + NextLong(high - low + 1);

    /// <summary>True with probability <paramref name="perMille"/>/1000.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool PerMille(int perMille) => Next(1000) < perMille;

    /// <summary>True with probability <paramref name="perTenThousand"/>/10000.</summary>
    public bool PerTenThousand(int perTenThousand) => Next(10000) < perTenThousand;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
