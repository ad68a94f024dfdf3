namespace ReliefMatch.Storage.Workplace;

/// <summary>What became of one row of a returned worklist.</summary>
public enum ReturnOutcome
{
    /// <summary>核查结果 属实: the finding is confirmed.</summary>
    Confirmed = 1,
    /// <summary>核查结果 不属实: the finding is dismissed with 处置情况 as the reason.</summary>
    Dismissed,
    /// <summary>The finding already had this disposition (the same file uploaded again).</summary>
    Unchanged,
    /// <summary>No 核查结果 yet: nothing to record.</summary>
    Blank,
    /// <summary>Not recorded: another township's finding, an unknown 预警编号, a closed finding or a value that cannot be read.</summary>
    Refused,
}

public static class ReturnOutcomeText
{
    public static string Id(this ReturnOutcome outcome) => outcome switch
    {
        ReturnOutcome.Confirmed => "confirmed",
        ReturnOutcome.Dismissed => "dismissed",
        ReturnOutcome.Unchanged => "unchanged",
        ReturnOutcome.Blank => "blank",
        ReturnOutcome.Refused => "refused",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static ReturnOutcome Parse(string text) => text switch
    {
        "confirmed" => ReturnOutcome.Confirmed,
        "dismissed" => ReturnOutcome.Dismissed,
        "unchanged" => ReturnOutcome.Unchanged,
        "blank" => ReturnOutcome.Blank,
        "refused" => ReturnOutcome.Refused,
        _ => throw new InvalidDataException($"Unknown stored return outcome '{text}'."),
    };

    public static string Chinese(this ReturnOutcome outcome) => outcome switch
    {
        ReturnOutcome.Confirmed => "已记录：属实",
        ReturnOutcome.Dismissed => "已记录：不属实",
        ReturnOutcome.Unchanged => "无变化",
        ReturnOutcome.Blank => "未填核查结果",
        ReturnOutcome.Refused => "未采纳",
        _ => outcome.ToString(),
    };
}
