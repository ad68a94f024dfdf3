namespace ReliefMatch.Host.Runs;

/// <summary>A cell of the 统计表 a replayed rule would move: the unit (a township or 全县), the cell's path and words, the figure now and the figure under the changed rule.</summary>
public sealed record ReplayCell(string Unit, string Path, string Words, string Was, string Will)
{
    /// <summary>The unit that stands for the whole county.</summary>
    public const string County = "全县";
}
