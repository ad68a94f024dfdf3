using System.ComponentModel;
using System.Globalization;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Storage.Jobs;

using ReliefMatch.Host.Runs;

namespace ReliefMatch.Host.Jobs;

/// <summary>
/// <c>import-inbox</c>: imports every new extract in the drop folder, each stamped with the month its name or title
/// states (<see cref="ReliefMatch.Core.Periods.StatedMonth"/>), or with the period given to the job, which wins. A
/// file that states no month stays in the inbox, listed as waiting (待确认, <see cref="PendingFileStore"/>) until an
/// officer confirms its month on the month page; the job passes over it meanwhile. Each handled file is moved out of the inbox — imported
/// (or already imported) files to <c>&lt;home&gt;/imported/&lt;period&gt;/&lt;source&gt;/</c>, refused ones to
/// <c>&lt;home&gt;/refused/&lt;period&gt;/&lt;source&gt;/</c> — so that a roster left lying in the inbox is not
/// linked again to every later month's snapshot. The import is idempotent by content (SHA-256); a file whose
/// import committed but which was not yet moved is found imported and moved by the next execution. Only a verdict
/// on a file's content refuses it: one with missing columns, or one no reader can get through. A failure of the
/// database or the disk (the server stopped mid-file, a dropped connection) says nothing about the file: the job
/// fails, the file stays in the inbox, and a transient failure is retried; so the files moved out are always
/// counted, imported, already imported or refused.
/// </summary>
/// <remarks>
/// A file must appear in the inbox whole: an uploader writes it under a name starting with <c>.</c> (which the
/// import ignores) and renames it when complete.
/// </remarks>
public sealed class ImportInboxJob(JobsOptions options, TimeProvider time, JobExecution execution, ILogger<ImportInboxJob> logger, IBackgroundJobClient jobs)
{
    /// <param name="period">The stamp (<c>YYYY-MM</c>) of every file; null: each file's own month.</param>
    [DisplayName("导入收件目录 {0}")]
    public Task RunAsync(string? period, PerformContext? context, CancellationToken cancellationToken)
    {
        ReportingMonth? given = period is null ? null : JobPeriods.Parse(period);
        // The record's key: the stamp given, else the month the job ran in (the stamps are the files' own).
        var key = (given ?? JobPeriods.Current(context, time)).ToString();
        // One import of the inbox at a time, whatever the stamp: two would move each other's files away.
        return execution.RunAsync(JobNames.ImportInbox, key, JobNames.ImportInbox, context, async (_, ct) =>
        {
            var inbox = options.EffectiveInbox;
            Directory.CreateDirectory(inbox);
            var sources = RuleFolder.Sources(RuleFolder.Resolve(options.RulesFolder));
            var importer = new ExtractImporter(options.Database.DataSource, time, null, logger,
                options.Installation.ReaderOptions, sources);
            var pending = new PendingFileStore(options.Database.DataSource, time);
            var waitingPaths = (await pending.ListAsync(ct).ConfigureAwait(false)).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            int imported = 0, already = 0, refused = 0, waiting = 0;
            var rostersArrived = new SortedSet<ReportingMonth>();
            var refusals = new List<string>();
            var stamps = new SortedSet<ReportingMonth>();
            foreach (var (source, path, displayName) in ExtractImporter.FilesOf(inbox, sources))
            {
                if (given is null && waitingPaths.Contains(Path.GetFullPath(path)))
                {
                    waiting++;
                    continue;
                }
                FileReport report;
                try
                {
                    report = await importer.ImportFileAsync(path, source, given, displayName, null, ct).ConfigureAwait(false);
                }
                catch (ExtractUnreadableException e) when (!TransientFailures.IsTransient(e))
                {
                    // A file no reader can get through (a damaged workbook) must not hold up the files after it
                    // at every run. Only the error's kind goes on the record and in the log, with where it was
                    // thrown: its text may quote the file's cells (names, IDs). Any other failure (the database
                    // or the disk) is no verdict on the file: it fails the job.
                    var inner = e.InnerException ?? e;
                    logger.LogWarning("{File}: could not be read ({Error}); moved to the refused files; {StackTrace}", displayName, inner.GetType().Name, inner.StackTrace);
                    report = new FileReport { Source = source, File = displayName, RefusedReason = $"无法读取（{inner.GetType().Name}）" };
                }
                if (report.MonthUnknown)
                {
                    await pending.RecordAsync(Path.GetFullPath(path), report, ct).ConfigureAwait(false);
                    logger.LogWarning("{File}: neither its name nor its title states a month; left in the inbox until its month is confirmed", displayName);
                    waiting++;
                    continue;
                }
                string kind;
                if (report.RefusedReason is { } reason)
                {
                    refused++;
                    refusals.Add($"{displayName}：{reason}");
                    kind = HandledFiles.Refused;
                }
                else
                {
                    if (report.AlreadyImported)
                    {
                        already++;
                    }
                    else
                    {
                        imported++;
                    }
                    kind = HandledFiles.Imported;
                }
                var stamp = report.Period ?? given ?? ReportingMonth.Parse(key);
                if (report.RefusedReason is null)
                {
                    stamps.Add(stamp);
                    if (!report.AlreadyImported && source == SourceKind.Roster)
                    {
                        rostersArrived.Add(stamp);
                    }
                }
                HandledFiles.MoveTo(path, HandledFiles.Folder(options.Home, kind, stamp.ToString(), source.Id));
            }
            var stamped = given is not null ? key : stamps.Count == 0 ? "按各文件自身的月份" : string.Join("、", stamps);
            var detail = string.Create(CultureInfo.InvariantCulture,
                $"数据月份 {stamped}：新导入 {imported} 个文件，已导入过 {already} 个，拒收 {refused} 个");
            if (waiting > 0)
            {
                detail += string.Create(CultureInfo.InvariantCulture, $"，{waiting} 个文件待确认月份");
            }
            IReadOnlyList<ReportingMonth> drawn = rostersArrived.Count == 0 ? [] : await new SampleDrawStore(options.Database.DataSource, time).ListPeriodsAsync(ct).ConfigureAwait(false);
            foreach (var month in rostersArrived.Where(drawn.Contains))
            {
                // The month's roster came after its 低保 sample was drawn: the draw is made again from it (unless reviewed).
                var drawMonth = month.ToString();
                jobs.Enqueue<DibaoSampleJob>(j => j.DrawAsync(drawMonth, null, CancellationToken.None));
                detail += "；低保抽样 " + drawMonth + " 已重新排队";
            }
            if (refusals.Count > 0)
            {
                detail += "；拒收：" + string.Join("；", refusals);
            }
            // Files in a folder no source declaration names stay in the inbox, and the job's record names the folder.
            var undeclared = ExtractImporter.UndeclaredFolders(inbox, sources);
            return undeclared.Count == 0 ? detail : detail + "；未导入（没有数据源声明的文件夹）：" + string.Join("、", undeclared);
        }, cancellationToken);
    }
}
