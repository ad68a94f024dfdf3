using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Host.Bench;

/// <summary>
/// How the findings of one rule compare between the monthly run and a peer, by subject (<see cref="PeerFinding"/>):
/// found by both, by the run only, by the peer only. Of the run's own, how many rest on an identity that is not
/// exact (a repaired ID or a name, sex and birth date match): the bare joins of a peer cannot find those.
/// </summary>
public sealed record PeerAgreement(string RuleId, int Both, int OnlyReliefMatch, int OnlyReliefMatchNotExact, int OnlyPeer)
{
    /// <summary>Every peer finding is also the run's.</summary>
    public bool PeerIncluded => OnlyPeer == 0;

    /// <summary>Compares, per enabled rule of the peer's kinds, the run's <paramref name="findings"/> with the peer's.</summary>
    public static IReadOnlyList<PeerAgreement> Compare(RuleSet rules, IReadOnlySet<RuleKind> kinds, IEnumerable<Finding> findings, IEnumerable<PeerFinding> peer)
    {
        var compared = rules.Enabled.Where(r => kinds.Contains(r.Kind)).ToList();
        var ours = compared.ToDictionary(r => r.Id, _ => new Dictionary<string, Confidence>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (!ours.TryGetValue(finding.RuleId, out var subjects))
            {
                continue;
            }
            var rule = compared.First(r => string.Equals(r.Id, finding.RuleId, StringComparison.Ordinal));
            var subject = Subject(rule.Kind, finding);
            // A person flagged in two households is one subject; it is exact when any of its findings is.
            subjects[subject] = subjects.TryGetValue(subject, out var seen) ? MostCertain(seen, finding.Confidence) : finding.Confidence;
        }
        var theirs = compared.ToDictionary(r => r.Id, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var finding in peer)
        {
            if (theirs.TryGetValue(finding.RuleId, out var subjects))
            {
                subjects.Add(finding.Subject);
            }
        }
        return compared.Select(r =>
        {
            var mine = ours[r.Id];
            var other = theirs[r.Id];
            var onlyMine = mine.Where(m => !other.Contains(m.Key)).ToList();
            return new PeerAgreement(
                r.Id,
                mine.Keys.Count(other.Contains),
                onlyMine.Count,
                onlyMine.Count(m => m.Value != Confidence.Exact),
                other.Count(s => !mine.ContainsKey(s)));
        }).ToList();
    }

    /// <summary>What a finding is about, as a peer names it: the household for the household rules, else the person's ID.</summary>
    public static string Subject(RuleKind kind, Finding finding) =>
        IsHouseholdRule(kind) ? finding.HouseholdId : finding.IdNumber;

    public static bool IsHouseholdRule(RuleKind kind) => kind is RuleKind.EconomicCheckOverdue or RuleKind.HomeVisitOverdue;

    /// <summary>Exact is the most certain, then repaired, then probable (the enum's order).</summary>
    private static Confidence MostCertain(Confidence a, Confidence b) => a <= b ? a : b;
}
