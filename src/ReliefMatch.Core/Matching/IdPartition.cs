using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// One of <see cref="Count"/> parts of a monthly run, split by resident ID so that each part can be evaluated by
/// any server on its own and the parts together give exactly the findings of one whole run.
/// </summary>
/// <remarks>
/// <para>Part k holds the ID keys with (key / 10) mod Count = k: the key's last digit, the holder's sex, is left
/// out, or two parts would split men from women (and the household findings, filed under mostly male heads, would
/// nearly all land in one part); the digit before it, of the registration order code, spreads evenly. It is evaluated on the whole roster set and monitoring
/// snapshot (the persons, households and repairs every rule builds on, a fraction of the month's rows), the
/// departmental records whose valid ID it holds, and every departmental record without a valid ID (the few that
/// repair or name matching may tie to anyone). A record with a valid ID can only ever match persons holding that
/// ID, so every finding about a person of the part sees all the evidence a whole run would give it.</para>
/// <para>The part then keeps the findings it owns (<see cref="Owns"/>): those about a person whose ID it holds;
/// the rest (an invalid roster ID, which depends on the roster alone and comes out the same in every part) by a
/// stable hash of the finding's key. Each finding is therefore kept by exactly one part.</para>
/// </remarks>
public readonly record struct IdPartition
{
    public IdPartition(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        Index = index;
        Count = count;
    }

    /// <summary>Which part, from 0.</summary>
    public int Index { get; }

    /// <summary>How many parts the run is split into.</summary>
    public int Count { get; }

    /// <summary>The one part of an unsplit run.</summary>
    public static IdPartition Whole { get; } = new(0, 1);

    /// <summary>The <paramref name="count"/> parts of a run.</summary>
    public static IReadOnlyList<IdPartition> All(int count) => Enumerable.Range(0, count).Select(i => new IdPartition(i, count)).ToArray();

    /// <summary>Whether the part holds this ID key (the 17 leading digits of a valid ID).</summary>
    public bool HoldsKey(long key) => key / 10 % Count == Index;

    /// <summary>
    /// Whether a departmental record goes to this part: its valid ID is held here, or it has no valid ID (then
    /// every part gets it). The same condition as the loader's SQL: <c>id_key IS NULL OR id_key / 10 % Count = Index</c>.
    /// </summary>
    public bool Gets(in ParsedId id) => !id.IsValid || HoldsKey(id.Key);

    /// <summary>Whether this part keeps <paramref name="finding"/> (see the remarks).</summary>
    public bool Owns(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (Count == 1)
        {
            return true;
        }
        var id = ResidentIdParser.Parse(finding.IdNumber);
        if (id.IsValid)
        {
            return HoldsKey(id.Key);
        }
        // The leading bytes of the key's SHA-256: stable across processes and machines (string.GetHashCode is not)
        // and well mixed (a simple character hash put every invalid-roster-id finding in the same one of two parts).
        var digest = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(finding.Key));
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(digest) % (uint)Count == (uint)Index;
    }

    public override string ToString() => $"{Index + 1}/{Count}";
}
