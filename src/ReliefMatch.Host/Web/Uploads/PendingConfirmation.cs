using Npgsql;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Host.Runs;
using ReliefMatch.Storage.Imports;

namespace ReliefMatch.Host.Web.Uploads;

/// <summary>
/// An officer confirms the month of a file that stated none (待确认): the file is imported stamped with that month, and,
/// when it lies in the drop folder, moved out of it as an imported or refused file is (<see cref="HandledFiles"/>), so
/// that the import job is not offered it again. A file gone from where it lay is taken off the list.
/// </summary>
public sealed class PendingConfirmation(NpgsqlDataSource dataSource, TimeProvider time, WorkplaceSettings settings, RuleSet rules, ILogger<PendingConfirmation> logger)
{
    /// <summary>Imports the pending file <paramref name="id"/> stamped with <paramref name="period"/>; null when there is no such file waiting.</summary>
    /// <returns>The file as it was listed, and its import report (null when the file was no longer there).</returns>
    public async Task<(PendingFile File, FileReport? Report)?> ConfirmAsync(long id, ReportingMonth period, CancellationToken cancellationToken)
    {
        var store = new PendingFileStore(dataSource, time);
        if (await store.FindAsync(id, cancellationToken) is not { } file)
        {
            return null;
        }
        if (!File.Exists(file.Path))
        {
            await store.RemoveAsync(id, cancellationToken);
            return (file, null);
        }
        var importer = new ExtractImporter(dataSource, time, null, logger, settings.Installation.ReaderOptions, rules.Sources);
        var report = await importer.ImportFileAsync(file.Path, file.Source, period, file.File, null, cancellationToken);
        if (IsUnder(file.Path, settings.Inbox))
        {
            var kind = report.RefusedReason is null ? HandledFiles.Imported : HandledFiles.Refused;
            HandledFiles.MoveTo(file.Path, HandledFiles.Folder(settings.Home, kind, period.ToString(), file.Source.Id));
        }
        await store.RemoveAsync(id, cancellationToken);
        return (file, report);
    }

    private static bool IsUnder(string path, string folder)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(root, StringComparison.Ordinal);
    }
}
