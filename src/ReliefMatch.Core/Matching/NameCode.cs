namespace ReliefMatch.Core.Matching;

/// <summary>
/// A normalised name as one <see cref="long"/>, so that the matching loop compares names without touching
/// the name strings of 3 million persons (each a cache miss). Names of up to four UTF-16 characters — nearly
/// every Chinese name — are packed exactly, so equal codes mean equal names; longer names get a marked hash,
/// and equal hashed codes are confirmed on the strings.
/// </summary>
internal static class NameCode
{
    /// <summary>Top 16 bits of a hashed code: U+FFFF, a non-character, never the fourth character of a packed name.</summary>
    private const long HashedMark = unchecked((long)0xFFFF_0000_0000_0000UL);

    /// <summary>
    /// The code of a name as read. Fast path: a name of up to four CJK ideographs is already normalised
    /// (no spaces, separators or full-width ASCII can occur in it), so it is packed without normalising.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static long OfRaw(string? name)
    {
        if (name is { Length: > 0 and <= 4 })
        {
            long code = 0;
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (c is < '\u3400' or > '\u9FFF')
                {
                    return Of(Identity.PersonName.Normalise(name));
                }
                code |= (long)c << (16 * i);
            }
            return code;
        }
        return Of(Identity.PersonName.Normalise(name));
    }

    /// <summary>The code of a name already normalised by <see cref="Identity.PersonName.Normalise"/>.</summary>
    public static long Of(string normalised)
    {
        if (normalised.Length <= 4)
        {
            long code = 0;
            for (var i = 0; i < normalised.Length; i++)
            {
                code |= (long)normalised[i] << (16 * i);
            }
            return code;
        }
        // FNV-1a over the characters: deterministic across runs, cheap for short strings.
        var hash = 2166136261u;
        foreach (var c in normalised)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return HashedMark | hash;
    }

    /// <summary>Whether equal codes prove equal names (packed), or the strings must be compared (hashed).</summary>
    public static bool IsExact(long code) => (code & HashedMark) != HashedMark;
}
