using ReliefMatch.Core.Accuracy;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;
using ReliefMatch.Storage.Accuracy;
using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Host.Web.Worklists;

/// <summary>
/// Takes the rows of a returned control list (their 抽查编号 start <see cref="ControlPerson.ReferencePrefix"/>), in a
/// file or one at a time on the township page, through the same upload and form as the worklist
/// (<see cref="WorklistReturnService"/>): 核查结果 有问题 (with 处置情况 saying what was found) or 无问题, 核查人, 核查日期. A
/// row of another township's list, an unknown number or an unreadable value is refused and changes nothing. In the
/// return report an answered row counts as 属实 (有问题) or 不属实 (无问题), its 说明 saying which.
/// </summary>
public sealed class ControlReturn(ControlListStore store, TimeProvider time)
{
    /// <summary>Whether <paramref name="reference"/> names a control-list row rather than a finding.</summary>
    public static bool Names(string reference) =>
        reference.Trim().StartsWith(ControlPerson.ReferencePrefix, StringComparison.OrdinalIgnoreCase);

    public Task<IReadOnlyDictionary<string, StoredControlItem>> FindAsync(IEnumerable<string> references, CancellationToken cancellationToken) =>
        store.ByReferencesAsync(references, cancellationToken);

    public async Task<WorklistReturnRow> ApplyAsync(ReturnedRow row, string reference, string township, string userName, DateOnly today,
        IReadOnlyDictionary<string, StoredControlItem> found, HashSet<string> done, CancellationToken cancellationToken)
    {
        if (!found.TryGetValue(reference, out var item))
        {
            return new(row.Row, reference, ReturnOutcome.Refused, "抽查编号不存在。");
        }
        if (!string.Equals(item.Township, township, StringComparison.Ordinal))
        {
            return new(row.Row, reference, ReturnOutcome.Refused, "不是本乡镇的抽查对象，不能登记。");
        }
        var (outcome, reason) = await AnswerAsync(row, reference, item, userName, today, done, cancellationToken);
        return new WorklistReturnRow(row.Row, reference, outcome, reason) { Name = item.Name, MaskedId = ResidentId.Mask(item.IdNumber) };
    }

    private async Task<(ReturnOutcome Outcome, string? Reason)> AnswerAsync(ReturnedRow row, string reference, StoredControlItem item, string userName,
        DateOnly today, HashSet<string> done, CancellationToken cancellationToken)
    {
        if (!done.Add(reference))
        {
            return (ReturnOutcome.Refused, "同一抽查编号在文件中出现多次，只采纳第一行。");
        }
        if (row.Result.Length == 0)
        {
            return (ReturnOutcome.Blank, null);
        }
        if (!ControlResultText.TryParseChinese(row.Result, out var result))
        {
            return (ReturnOutcome.Refused, $"对照抽查的核查结果只能填“{ControlResultText.ProblemText}”或“{ControlResultText.NoProblemText}”，读到的是“{row.Result}”。");
        }
        if (result == ControlResult.Problem && row.Remarks.Length == 0)
        {
            return (ReturnOutcome.Refused, $"核查结果为“{ControlResultText.ProblemText}”时，须在“处置情况”中写明发现的问题。");
        }
        var (checkedOn, dateProblem) = CheckDate.Validate(row.CheckedOn, ReportingMonth.Parse(item.Period), today);
        if (dateProblem is not null)
        {
            return (ReturnOutcome.Refused, dateProblem);
        }
        var checkedBy = row.CheckedBy.Length == 0 ? null : row.CheckedBy;
        var said = "对照抽查：" + result.Chinese();
        if (item.Answer is { } a && a.Result == result && string.Equals(a.Remarks, row.Remarks, StringComparison.Ordinal)
            && string.Equals(a.CheckedBy, checkedBy, StringComparison.Ordinal) && a.CheckedOn == checkedOn)
        {
            return (ReturnOutcome.Unchanged, said);
        }
        var answer = new ControlAnswer(result, row.Remarks, checkedBy, checkedOn, userName, time.GetUtcNow());
        if (!await store.AnswerAsync(reference, item.Township, answer, cancellationToken))
        {
            return (ReturnOutcome.Refused, "不是本乡镇的抽查对象，不能登记。");
        }
        return (result == ControlResult.Problem ? ReturnOutcome.Confirmed : ReturnOutcome.Dismissed, said);
    }
}
