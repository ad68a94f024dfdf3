using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;
using ReliefMatch.Host.Bench;
using ReliefMatch.Host.Runs;
using ReliefMatch.Tests.Core.Statistics;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Bench;

public sealed class PeerAgreementTests
{
    private static readonly IReadOnlySet<RuleKind> PeerKinds = new HashSet<RuleKind> { RuleKind.DeceasedRecipient, RuleKind.EconomicCheckOverdue };

    [Fact]
    public void Compare_PersonAndHouseholdRules_CountsBothOnlyEitherAndTheRunsNotExactOnes()
    {
        var rules = RuleFolder.Load(Path.Combine(RepositoryRoot.Path, "rules"));
        Finding[] findings =
        [
            Finding("deceased-recipient", "450326194001010011", "H1", Confidence.Exact),
            // One person in two households is one subject.
            Finding("deceased-recipient", "450326194001010011", "H2", Confidence.Exact),
            Finding("deceased-recipient", "450326194001010022", "H3", Confidence.Repaired),
            Finding("economic-check-overdue", "450326194001010033", "H4", Confidence.Exact),
            // A rule the peer does not express is left out.
            Finding("duplicate-enrolment", "450326194001010011", "H1", Confidence.Exact),
        ];
        PeerFinding[] peer =
        [
            new("deceased-recipient", "450326194001010011"),
            new("deceased-recipient", "450326194001010044"),
            new("economic-check-overdue", "H4"),
        ];

        var agreement = PeerAgreement.Compare(rules, PeerKinds, findings, peer).ToDictionary(a => a.RuleId);

        Assert.Equal(2, agreement.Count);
        Assert.Equal(new PeerAgreement("deceased-recipient", 1, 1, 1, 1), agreement["deceased-recipient"]);
        Assert.False(agreement["deceased-recipient"].PeerIncluded);
        Assert.Equal(new PeerAgreement("economic-check-overdue", 1, 0, 0, 0), agreement["economic-check-overdue"]);
    }

    private static Finding Finding(string rule, string id, string household, Confidence confidence) =>
        TestFindings.Make(id, "永福镇", rule, household: household) with { Confidence = confidence };
}
