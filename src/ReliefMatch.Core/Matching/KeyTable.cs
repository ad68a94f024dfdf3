namespace ReliefMatch.Core.Matching;

/// <summary>
/// Open-addressing hash table from a resident-ID key (17 digits, never 0) to the first person holding it,
/// with that person's <see cref="NameCode"/> beside it: one cache line answers "who has this ID, under
/// which name" for the common case. Linear probing, power-of-two capacity, load at most 0.8: the table of a
/// province (3 million persons) stays near 100 MB, and a longer probe walks adjacent memory.
/// </summary>
internal sealed class KeyTable
{
    private readonly Entry[] _entries;
    private readonly int _shift;
    private readonly int _mask;

    public KeyTable(int expected)
    {
        var capacity = 16;
        while (capacity * 4L < expected * 5L)
        {
            capacity *= 2;
        }
        _entries = new Entry[capacity];
        _mask = capacity - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
    }

    public int Count { get; private set; }

    /// <summary>The slot of <paramref name="key"/>, or −1 − the slot where it would be added.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int Find(long key)
    {
        var i = Slot(key);
        while (true)
        {
            var k = _entries[i].Key;
            if (k == key)
            {
                return i;
            }
            if (k == 0)
            {
                return -1 - i;
            }
            i = (i + 1) & _mask;
        }
    }

    /// <summary>
    /// Reads the home slot of <paramref name="key"/> and returns what is there, so that a loop can touch
    /// the entries of a block of records before matching them: the cache misses then overlap instead of
    /// being paid one after the other.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public long Touch(long key) => _entries[Slot(key)].Key;

    /// <summary>Where touching loops leave the XOR of what they read, so that the loads are not optimised away.</summary>
    public static void Keep(long touched) => s_touched = touched;

    private static long s_touched;

    /// <summary>Adds a key at the free slot <see cref="Find"/> reported for it (−1 − its result).</summary>
    public void AddAt(int slot, long key, int person, long nameCode)
    {
        if (Count >= _entries.Length - 1)
        {
            throw new InvalidOperationException("KeyTable sized too small.");
        }
        _entries[slot] = new Entry { Key = key, NameCode = nameCode, Person = person };
        Count++;
    }

    public ref Entry At(int slot) => ref _entries[slot];

    /// <summary>Adds <paramref name="delta"/> to every entry's person (persons renumbered after a parallel build).</summary>
    public void OffsetPersons(int delta)
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            if (_entries[i].Key != 0)
            {
                _entries[i].Person += delta;
            }
        }
    }

    private int Slot(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> _shift) & _mask;

    public struct Entry
    {
        public long Key;
        /// <summary>Name code of <see cref="Person"/>, the first person with the key.</summary>
        public long NameCode;
        public int Person;
        /// <summary>More than one person holds the key (under other names): walk the chain.</summary>
        public bool HasChain;
    }
}
