namespace ReliefMatch.Core.Accuracy;

/// <summary>
/// How a set of findings stands: confirmed (属实), dismissed (不属实) and not answered (open, or closed without an answer).
/// <see cref="Precision"/> is 属实 / (属实 + 不属实) over the <see cref="Answered"/> ones, the sample size n.
/// </summary>
public sealed record OutcomeTally(int Confirmed, int Dismissed, int Open)
{
    public static OutcomeTally Zero { get; } = new(0, 0, 0);

    public int Total => Confirmed + Dismissed + Open;

    /// <summary>n of <see cref="Precision"/>: the findings with an answer.</summary>
    public int Answered => Confirmed + Dismissed;

    /// <summary>属实 / (属实 + 不属实); null when nothing is answered yet (no figure, rather than a 0 that means nothing).</summary>
    public decimal? Precision => Answered == 0 ? null : (decimal)Confirmed / Answered;

    public OutcomeTally Plus(OutcomeTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Confirmed + other.Confirmed, Dismissed + other.Dismissed, Open + other.Open);
    }
}
