namespace ReliefMatch.Core.Accuracy;

/// <summary>
/// How a control list came back: people found to have a problem the rules missed (有问题), found in order (无问题), and
/// not answered yet. <see cref="MissRate"/> is 有问题 / (有问题 + 无问题) over the <see cref="Answered"/> ones, the sample size n.
/// </summary>
public sealed record ControlTally(int Problem, int NoProblem, int Open)
{
    public static ControlTally Zero { get; } = new(0, 0, 0);

    public int Total => Problem + NoProblem + Open;

    public int Answered => Problem + NoProblem;

    /// <summary>The share of answered controls with a problem; null when none is answered.</summary>
    public decimal? MissRate => Answered == 0 ? null : (decimal)Problem / Answered;

    public ControlTally Plus(ControlTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Problem + other.Problem, NoProblem + other.NoProblem, Open + other.Open);
    }
}
