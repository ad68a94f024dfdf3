using System.Runtime.CompilerServices;

namespace ReliefMatch.SampleData.People;

/// <summary>
/// Hands out resident ID keys (the first 17 digits) that never repeat: a sample person who shares an ID with
/// another by accident would be a false duplicate enrolment. The 3-digit sequence of each (address code, birth
/// date) is split into disjoint rank ranges, one per allocator, so allocators used by different jobs at the same
/// time cannot collide; ranks map to sequence numbers through a fixed permutation so they look random.
/// </summary>
internal sealed class IdAllocator
{
    /// <summary>Sequence ranks per (address, day): sequence = 2 × (1..499) + 1 for men, + 0 for women.</summary>
    public const int Ranks = 499;

    public static readonly int FirstDay = new DateOnly(1915, 1, 1).DayNumber;
    public static readonly int LastDay = new DateOnly(2039, 12, 31).DayNumber;
    private static readonly int Days = LastDay - FirstDay + 1;

    private static readonly long[] AddressPrefixes = Places.Gazetteer.BirthplaceCodes
        .Select(c => long.Parse(c, System.Globalization.CultureInfo.InvariantCulture) * 100_000_000_000L)
        .ToArray();

    private readonly ushort[] _used;
    private readonly int _rankBase;
    private readonly int _rankCount;

    public IdAllocator(int rankBase, int rankCount)
    {
        if (rankBase < 0 || rankCount <= 0 || rankBase + rankCount > Ranks)
        {
            throw new ArgumentOutOfRangeException(nameof(rankCount), $"Ranks {rankBase}+{rankCount} do not fit in {Ranks}.");
        }
        _rankBase = rankBase;
        _rankCount = rankCount;
        _used = new ushort[AddressPrefixes.Length * Days];
    }

    /// <summary>
    /// A new key for a person born at <paramref name="birthplace"/> (index into
    /// <see cref="Places.Gazetteer.BirthplaceCodes"/>) on <paramref name="birthDay"/>. When that day is full
    /// for the birthplace the person is given another Guangxi birthplace, and only when the day is full
    /// everywhere are they made a day older: nobody can tell, and the ages keep their shape.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long Allocate(int birthplace, int birthDay, bool male)
    {
        var day = Math.Clamp(birthDay, FirstDay, LastDay);
        var places = AddressPrefixes.Length;
        for (var attempt = 0; attempt < Days; attempt++)
        {
            for (var k = 0; k < places; k++)
            {
                var place = (birthplace + k) % places;
                var slot = place * Days + (day - FirstDay);
                if (_used[slot] < _rankCount)
                {
                    var rank = _rankBase + _used[slot]++;
                    return Key(place, day, rank, male);
                }
            }
            day = day > FirstDay ? day - 1 : LastDay;
        }
        throw new InvalidOperationException("Resident ID space exhausted: the allocator's rank range is too small for this population.");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Key(int place, int day, int rank, bool male)
    {
        var offset = (int)(SampleRandom.Mix((ulong)(place * 100_000 + day)) % Ranks);
        var permuted = (rank * 211 + offset) % Ranks + 1;
        var sequence = 2 * permuted + (male ? 1 : 0);
        var date = DateOnly.FromDayNumber(day);
        var ymd = date.Year * 10000 + date.Month * 100 + date.Day;
        return AddressPrefixes[place] + ymd * 1000L + sequence;
    }
}
