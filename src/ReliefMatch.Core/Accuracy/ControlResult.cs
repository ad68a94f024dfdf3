namespace ReliefMatch.Core.Accuracy;

/// <summary>A township's 核查结果 for one person of the control list.</summary>
public enum ControlResult
{
    /// <summary>有问题: the check found a problem (an ineligibility, a change not reported) that no rule flagged: a miss.</summary>
    Problem,
    /// <summary>无问题: the person's enrolment is in order.</summary>
    NoProblem,
}

/// <summary>The words for <see cref="ControlResult"/>: what the list prints and takes back, and what storage keeps.</summary>
public static class ControlResultText
{
    public const string ProblemText = "有问题";
    public const string NoProblemText = "无问题";

    public static string Chinese(this ControlResult result) => result == ControlResult.Problem ? ProblemText : NoProblemText;

    public static string Id(this ControlResult result) => result == ControlResult.Problem ? "problem" : "no_problem";

    public static ControlResult ParseId(string id) => id switch
    {
        "problem" => ControlResult.Problem,
        "no_problem" => ControlResult.NoProblem,
        _ => throw new FormatException($"Unknown control result '{id}'."),
    };

    /// <summary>有问题 or 无问题 as typed (trimmed); false for anything else.</summary>
    public static bool TryParseChinese(string text, out ControlResult result)
    {
        switch (text?.Trim())
        {
            case ProblemText: result = ControlResult.Problem; return true;
            case NoProblemText: result = ControlResult.NoProblem; return true;
            default: result = default; return false;
        }
    }
}
