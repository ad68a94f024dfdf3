namespace ReliefMatch.Host.Outputs;

/// <summary>
/// 建议处置 as a printed worklist shows it: the rule's action up to its first clause (e.g. 核实死亡事实 of
/// “核实死亡事实；属实的，……”), a short label per rule; the full text is on the worklist's 说明 sheet. The rule files
/// keep one action text, so the label can never say something the text does not.
/// </summary>
public static class SuggestedActions
{
    private static readonly char[] ClauseEnds = ['；', '，', '。', '（', ';', ',', '('];

    public static string Label(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var text = action.Trim();
        var end = text.IndexOfAny(ClauseEnds);
        return end > 0 ? text[..end] : text;
    }
}
