using System.Security.Cryptography;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Storage.Findings;
using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Host.Web.Worklists;

/// <summary>
/// Takes a returned worklist: each row's 核查结果 属实 confirms its finding, 不属实 dismisses it with 处置情况 as
/// the reason, 核查人 and 核查日期 go with it. A row is refused (and changes nothing) when its 预警编号 names no
/// finding or another township's finding, when its finding is closed, or when a value cannot be read; the other
/// rows still count. Uploading the same file again changes nothing, and so does a re-downloaded worklist (it carries
/// the outcomes recorded) or an escalation row left as printed (属实未处置). The return and each row's outcome are
/// kept. An outcome entered on the page goes through the same checks (<see cref="RecordAsync"/>).
/// </summary>
/// <remarks>Rows of a control list (抽查编号 <c>KZ…</c>) come the same ways and are handed to <see cref="ControlReturn"/>.</remarks>
public sealed class WorklistReturnService(FindingQueries queries, FindingStore store, WorklistReturnStore returns, ControlReturn controls)
{
    public const string Confirmed = "属实";
    public const string Dismissed = "不属实";
    /// <summary>属实未处置: what an escalation row's 核查结果 says as printed; handed back unchanged it records nothing.</summary>
    public const string Escalated = WorklistOutcome.Escalated;

    /// <param name="township">The township whose worklist this is; only its findings can be disposed of.</param>
    /// <param name="userName">The signed-in user handing it in.</param>
    /// <param name="today">Today in China: a 核查日期 after it is refused.</param>
    public async Task<(long Id, WorklistReturn Return)> ApplyAsync(string township, string fileName, byte[] bytes, string userName, DateOnly today, CancellationToken cancellationToken)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var read = ReturnedWorklistReader.Read(bytes, fileName);
        var result = new WorklistReturn
        {
            Township = township,
            File = fileName,
            Sha256 = sha256,
            UserName = userName,
            RowsRead = read.Rows.Count,
            Problem = read.Problem,
        };
        if (read.Problem is null)
        {
            var references = read.Rows.Select(r => r.Reference).ToList();
            var found = await queries.ByReferencesAsync(references.Where(r => !ControlReturn.Names(r)), cancellationToken);
            var foundControls = await controls.FindAsync(references.Where(ControlReturn.Names), cancellationToken);
            var outcomes = new List<WorklistReturnRow>(read.Rows.Count);
            var done = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in read.Rows)
            {
                outcomes.Add(await ApplyRowAsync(row, township, userName, today, found, foundControls, done, cancellationToken));
            }
            result = result with { Rows = outcomes };
        }
        var id = await returns.SaveAsync(result, cancellationToken);
        return (id, result);
    }

    /// <summary>
    /// One outcome a township enters on its page: validated and recorded exactly as the same row of a returned
    /// worklist would be (same checks, same stored disposition); the returned row says what became of it.
    /// </summary>
    public async Task<WorklistReturnRow> RecordAsync(string township, ReturnedRow row, string userName, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var done = new HashSet<string>(StringComparer.Ordinal);
        if (ControlReturn.Names(row.Reference))
        {
            var reference = row.Reference.Trim().ToUpperInvariant();
            return await controls.ApplyAsync(row, reference, township, userName, today, await controls.FindAsync([reference], cancellationToken), done, cancellationToken);
        }
        var found = await queries.ByReferencesAsync([row.Reference], cancellationToken);
        return await ApplyRowAsync(row, township, userName, today, found, new Dictionary<string, Storage.Accuracy.StoredControlItem>(), done, cancellationToken);
    }

    private async Task<WorklistReturnRow> ApplyRowAsync(ReturnedRow row, string township, string userName, DateOnly today,
        IReadOnlyDictionary<string, ReferencedFinding> found, IReadOnlyDictionary<string, Storage.Accuracy.StoredControlItem> foundControls,
        HashSet<string> done, CancellationToken cancellationToken)
    {
        var reference = row.Reference.Trim().ToUpperInvariant();
        if (reference.Length == 0)
        {
            return new(row.Row, reference, ReturnOutcome.Refused, "缺少预警编号（请勿删除或改动清单的预警编号列）。");
        }
        if (ControlReturn.Names(reference))
        {
            return await controls.ApplyAsync(row, reference, township, userName, today, foundControls, done, cancellationToken);
        }
        // Whose finding it is comes first: nothing about another township's finding is told or changed.
        if (!found.TryGetValue(reference, out var finding))
        {
            return new(row.Row, reference, ReturnOutcome.Refused, "预警编号不存在。");
        }
        if (!string.Equals(finding.Township, township, StringComparison.Ordinal))
        {
            return new(row.Row, reference, ReturnOutcome.Refused, "不是本乡镇的预警，不能处置。");
        }
        // The township's own finding: the report names it as the worklist printed it.
        var (outcome, reason) = await OutcomeAsync(row, reference, township, userName, today, finding, done, cancellationToken);
        return new WorklistReturnRow(row.Row, reference, outcome, reason)
        {
            Name = finding.Name,
            MaskedId = ResidentId.Mask(finding.IdNumber),
            RuleId = finding.RuleId,
        };
    }

    private async Task<(ReturnOutcome Outcome, string? Reason)> OutcomeAsync(ReturnedRow row, string reference, string township, string userName, DateOnly today,
        ReferencedFinding finding, HashSet<string> done, CancellationToken cancellationToken)
    {
        if (!done.Add(reference))
        {
            return (ReturnOutcome.Refused, "同一预警编号在文件中出现多次，只采纳第一行。");
        }
        // An escalation row handed back as printed says nothing new.
        if (row.Result.Length == 0 || row.Result == Escalated)
        {
            return (ReturnOutcome.Blank, null);
        }
        var status = row.Result switch
        {
            Confirmed => FindingStatus.Confirmed,
            Dismissed => FindingStatus.Dismissed,
            _ => (FindingStatus?)null,
        };
        if (status is null)
        {
            return (ReturnOutcome.Refused, $"核查结果只能填“{Confirmed}”或“{Dismissed}”，读到的是“{row.Result}”。");
        }
        if (finding.Status == FindingStatus.Closed)
        {
            return (ReturnOutcome.Refused, "该预警已关闭（后来的比对不再产生它），无需处置。");
        }
        if (status == FindingStatus.Dismissed && row.Remarks.Length == 0)
        {
            return (ReturnOutcome.Refused, "核查结果为“不属实”时，须在“处置情况”中写明理由。");
        }
        var (checkedOn, dateProblem) = CheckDate.Validate(row.CheckedOn, finding.FirstSeen, today);
        if (dateProblem is not null)
        {
            return (ReturnOutcome.Refused, dateProblem);
        }
        var checkedBy = row.CheckedBy.Length == 0 ? null : row.CheckedBy;
        if (finding.Status == status && !finding.IsEscalated && string.Equals(finding.DispositionReason ?? "", row.Remarks, StringComparison.Ordinal)
            && string.Equals(finding.CheckedBy, checkedBy, StringComparison.Ordinal) && finding.CheckedOn == checkedOn)
        {
            return (ReturnOutcome.Unchanged, null);
        }
        var disposition = new FindingDisposition(status.Value, row.Remarks, userName) { CheckedBy = checkedBy, CheckedOn = checkedOn, Township = township };
        if (!await store.SetDispositionAsync(finding.Key, disposition, cancellationToken))
        {
            return (ReturnOutcome.Refused, "不是本乡镇的预警，不能处置。");
        }
        return (status == FindingStatus.Confirmed ? ReturnOutcome.Confirmed : ReturnOutcome.Dismissed, null);
    }
}
