namespace ReliefMatch.Storage.Jobs;

/// <summary>The county's 核查结果 of one sampled household of the online review: the result, a note, who recorded it and when.</summary>
public sealed record SampleReview(SampleReviewResult Result, string Note, string By, DateTimeOffset At);

/// <summary>What the online review found of a sampled household.</summary>
public enum SampleReviewResult
{
    /// <summary>符合条件: the approval stands.</summary>
    Eligible = 1,
    /// <summary>不符合条件: the approval is to be corrected.</summary>
    Ineligible,
}

public static class SampleReviewResultText
{
    public static string Id(this SampleReviewResult result) => result switch
    {
        SampleReviewResult.Eligible => "eligible",
        SampleReviewResult.Ineligible => "ineligible",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, null),
    };

    public static SampleReviewResult Parse(string text) => text switch
    {
        "eligible" => SampleReviewResult.Eligible,
        "ineligible" => SampleReviewResult.Ineligible,
        _ => throw new InvalidDataException($"Unknown stored review result '{text}'."),
    };

    /// <summary>How the result reads on the page and in the files.</summary>
    public static string Chinese(this SampleReviewResult result) => result switch
    {
        SampleReviewResult.Eligible => "符合条件",
        SampleReviewResult.Ineligible => "不符合条件",
        _ => result.ToString(),
    };
}
