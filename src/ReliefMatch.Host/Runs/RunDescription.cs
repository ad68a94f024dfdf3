namespace ReliefMatch.Host.Runs;

/// <summary>How the run report and the job's record word what a run did, so that both say it alike.</summary>
public static class RunDescription
{
    /// <summary>A run with nothing new that left the month's unchanged outputs in <paramref name="folder"/> as they were.</summary>
    public static string OutputsKept(string folder) =>
        $"与本月上次运行相比没有新数据，规则未变，{folder} 中的输出文件与上次写出的一致，未重新生成";
}
