using ReliefMatch.Core.Findings;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// How one departmental record was tied to a person of a <see cref="PersonIndex"/> (docs/identity.md, "Tying a record to a person").
/// <see cref="Confidence.Review"/> names the first person holding the record's ID under another name: it is
/// not a match for flagging, only for <c>id-name-mismatch</c>.
/// </summary>
public readonly record struct IdentityMatch(int Person, Confidence? Confidence)
{
    public static IdentityMatch None { get; } = new(-1, null);

    /// <summary>Exact, repaired or probable: the record is the person's.</summary>
    public bool IsMatch => Confidence is Findings.Confidence.Exact or Findings.Confidence.Repaired or Findings.Confidence.Probable;

    public bool IsReview => Confidence == Findings.Confidence.Review;
}
