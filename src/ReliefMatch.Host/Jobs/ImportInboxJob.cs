using System.ComponentModel;
using System.Globalization;
using Hangfire.Server;
using Microsoft.Extensions.Logging;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Storage.Imports;

using ReliefMatch.Host.Runs;

namespace ReliefMatch.Host.Jobs;

/// <summary>
/// <c>import-inbox</c>: imports every new extract in the drop folder, stamped with a period (the month the
/// job was created in, China Standard Time, unless given), then moves each file out of the inbox — imported
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
public sealed class ImportInboxJob(JobsOptions options, TimeProvider time, JobExecution execution, ILogger<ImportInboxJob> logger)
{
    /// <param name="period">The stamp (<c>YYYY-MM</c>); null: the month the job was created in.</param>
    [DisplayName("导入收件目录 {0}")]
    public Task RunAsync(string? period, PerformContext? context, CancellationToken cancellationToken)
    {
        var month = period is null ? JobPeriods.Current(context, time) : JobPeriods.Parse(period);
        var key = month.ToString();
        // One import of the inbox at a time, whatever the stamp: two would move each other's files away.
        return execution.RunAsync(JobNames.ImportInbox, key, JobNames.ImportInbox, context, async (_, ct) =>
        {
            var inbox = options.EffectiveInbox;
            Directory.CreateDirectory(inbox);
            var importer = new ExtractImporter(options.Database.DataSource, time, null, logger,
                options.Installation.ReaderOptions);
            int imported = 0, already = 0, refused = 0;
            var refusals = new List<string>();
            foreach (var (source, path, displayName) in ExtractImporter.FilesOf(inbox))
            {
                FileReport report;
                try
                {
                    report = await importer.ImportFileAsync(path, source, month, displayName, null, ct).ConfigureAwait(false);
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
                HandledFiles.MoveTo(path, HandledFiles.Folder(options.Home, kind, key, source.Id()));
            }
            var detail = string.Create(CultureInfo.InvariantCulture,
                $"数据月份 {key}：新导入 {imported} 个文件，已导入过 {already} 个，拒收 {refused} 个");
            return refusals.Count == 0 ? detail : detail + "；拒收：" + string.Join("；", refusals);
        }, cancellationToken);
    }
}
