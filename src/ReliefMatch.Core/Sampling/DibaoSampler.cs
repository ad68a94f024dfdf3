using System.Security.Cryptography;
using System.Text;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Core.Sampling;

/// <summary>
/// Draws the county's monthly online-review sample (县民政局对乡镇每月新审核认定的低保对象进行50%以上的线上核查):
/// for each home township, at least <see cref="DefaultFraction"/> of its new approvals, rounded up (3 of 5,
/// 1 of 1, 0 of 0). The draw is reproducible: the candidates are put in ordinal order of household id, then a
/// Mersenne Twister (MT19937, seeded by <see cref="SampleSeed.For"/> through init_genrand) picks them by a
/// partial Fisher–Yates shuffle: for i = 0, 1, …, size − 1, with u = genrand_int32() / 2³², swap candidate i
/// with candidate i + ⌊u · (n − i)⌋. Any MT19937 implementation (Python's, C's reference code) gives the
/// same draw from the same candidates and seed.
/// </summary>
public static class DibaoSampler
{
    public const decimal DefaultFraction = 0.5m;

    /// <summary>Names the generator and the shuffle, stored with every draw.</summary>
    public const string Algorithm = SeededDraw.Shuffle + " over candidates in ordinal household-id order";

    /// <summary>How many of <paramref name="candidates"/> are drawn: ⌈candidates × fraction⌉.</summary>
    public static int SampleSize(int candidates, decimal fraction = DefaultFraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(candidates);
        if (fraction <= 0m || fraction > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction must be in (0, 1].");
        }
        return (int)decimal.Ceiling(candidates * fraction);
    }

    /// <summary>
    /// Draws from <paramref name="approvals"/> (see <see cref="NewDibaoApprovals.Of"/>) for every township in
    /// <paramref name="townships"/> and every township an approval names; townships without approvals get an
    /// empty draw, so that the list shows them with 0.
    /// </summary>
    public static DibaoSample Draw(ReportingMonth period, IEnumerable<string> townships, IReadOnlyList<DibaoApproval> approvals, decimal fraction = DefaultFraction)
    {
        ArgumentNullException.ThrowIfNull(townships);
        ArgumentNullException.ThrowIfNull(approvals);
        var byTownship = new SortedDictionary<string, List<DibaoApproval>>(StringComparer.Ordinal);
        foreach (var township in townships)
        {
            byTownship.TryAdd(township, []);
        }
        foreach (var approval in approvals)
        {
            if (!byTownship.TryGetValue(approval.Township, out var list))
            {
                byTownship.Add(approval.Township, list = []);
            }
            list.Add(approval);
        }

        var samples = new List<TownshipSample>(byTownship.Count);
        foreach (var (township, list) in byTownship)
        {
            samples.Add(DrawTownship(period, township, list, fraction));
        }
        return new DibaoSample(period, fraction, Algorithm, samples);
    }

    private static TownshipSample DrawTownship(ReportingMonth period, string township, List<DibaoApproval> approvals, decimal fraction)
    {
        // A stable order first: the same candidates in any order give the same draw.
        var candidates = approvals
            .OrderBy(a => a.HouseholdId, StringComparer.Ordinal)
            .ThenBy(a => a.CountyCode, StringComparer.Ordinal)
            .ToArray();
        var seed = SampleSeed.For(period, township);
        var selected = SeededDraw.Pick(candidates, SampleSize(candidates.Length, fraction), seed);
        return new TownshipSample(township, seed, approvals.Count, Fingerprint(approvals), selected);
    }

    private static string Fingerprint(IEnumerable<DibaoApproval> approvals)
    {
        var keys = string.Join('\n', approvals.Select(a => a.CountyCode + "/" + a.HouseholdId).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(keys)));
    }
}
