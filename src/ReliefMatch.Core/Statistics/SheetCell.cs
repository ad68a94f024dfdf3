namespace ReliefMatch.Core.Statistics;

/// <summary>
/// One cell of the 统计表 beyond the 数据预警 line (docs/statistics.md): its group in stats.json (<c>tags</c> or
/// <c>duties</c>), its json key, the sheet's words for it, and whether the township enters it on its month page.
/// </summary>
public sealed record SheetCell(string Group, string Key, string Words, bool Entered = false)
{
    public const string Tags = "tags";
    public const string Duties = "duties";

    /// <summary><c>tags.total</c>, <c>duties.meeting_on</c>…: how the month page and error messages name the cell.</summary>
    public string Path => Group + "." + Key;
}
