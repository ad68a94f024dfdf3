using ReliefMatch.Core.Rules;

namespace ReliefMatch.Host.Bench;

/// <summary>
/// Another engine that reads the same drop folder as the monthly run and does the bare joins of the rules it can
/// express, so that the bench can print how much longer the whole run takes than those joins alone, and whether the
/// two agree. The program ships no peer: a peer lives in the benchmarks project, so that its engine is never a
/// dependency of the program.
/// </summary>
public interface IBenchPeer
{
    /// <summary>Its name in the report (<c>duckdb</c>).</summary>
    string Name { get; }

    /// <summary>The rule kinds it expresses; the agreement is counted for the enabled rules of these kinds.</summary>
    IReadOnlySet<RuleKind> Kinds { get; }

    /// <summary>
    /// Reads the files under <see cref="PeerRequest.Inbox"/> and returns what the rules of <see cref="Kinds"/> flag,
    /// where identity is exact (the same ID and name). Timed by the bench from call to return.
    /// </summary>
    Task<IReadOnlyList<PeerFinding>> RunAsync(PeerRequest request, CancellationToken cancellationToken);
}
