using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Host.Runs;

/// <summary>
/// A monthly run declined before it began, with the reason in Chinese: the month has no extract stamped for it, so a
/// run would only repeat earlier months' data as this month's findings (and count them all as new). Not a failure to
/// retry: the job records it as refused, the CLI prints it, the month page shows it.
/// </summary>
public sealed class RunRefusedException(ReportingMonth period, string message) : Exception(message)
{
    public ReportingMonth Period { get; } = period;

    /// <summary>Refuses a run of <paramref name="period"/> unless some extract is stamped for it.</summary>
    public static async Task EnsureStampedAsync(Npgsql.NpgsqlDataSource dataSource, ReportingMonth period, CancellationToken cancellationToken)
    {
        if ((await new ImportHistory(dataSource).StampedAsync(period, cancellationToken).ConfigureAwait(false)).Count == 0)
        {
            throw new RunRefusedException(period, NoDataReason(period));
        }
    }

    /// <summary>Why a month without data is not run, as the page, the job record and the CLI say it.</summary>
    public static string NoDataReason(ReportingMonth period) =>
        $"{FindingText.ChineseMonth(period)}没有标为该月的数据（未导入任何 {period} 的提取文件），不运行比对：否则只会拿以前月份的数据充作本月结果。请先上传或导入该月的数据。";
}
