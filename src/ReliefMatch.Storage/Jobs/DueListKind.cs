namespace ReliefMatch.Storage.Jobs;

/// <summary>The household due lists the jobs build.</summary>
public enum DueListKind
{
    /// <summary>经济状况核对到期名单: every enrolled dibao or tekun household with its due date (1 January and 1 July).</summary>
    EconomicRecheck,
    /// <summary>经济状况核对逾期名单: the households overdue at the end of a month (every month).</summary>
    Overdue,
}
