using System.Runtime.CompilerServices;

namespace ReliefMatch.SampleData;

/// <summary>Picks an index with integer weights: the proportions the generator is built on.</summary>
internal sealed class WeightedChoice
{
    private readonly int[] _cumulative;

    public WeightedChoice(params int[] weights)
    {
        _cumulative = new int[weights.Length];
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(weights), "Weights cannot be negative.");
            }
            sum += weights[i];
            _cumulative[i] = sum;
        }
        if (sum <= 0)
        {
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));
        }
    }

    public int Count => _cumulative.Length;

    public int Total => _cumulative[^1];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Pick(ref SampleRandom random)
    {
        var r = random.Next(Total);
        var lo = 0;
        var hi = _cumulative.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (_cumulative[mid] > r)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
