using ReliefMatch.Core.Periods;

namespace ReliefMatch.Host.Web.Uploads;

/// <summary>
/// What happens to extracts once an upload has saved them into the drop folder. The workplace imports them at
/// once (<see cref="ImmediateExtractImport"/>); the scheduled jobs may register their own processor that
/// queues the import instead, and the upload page shows whichever outcome comes back.
/// </summary>
public interface IExtractUploadProcessor
{
    /// <summary>Imports (or hands on for import) the saved files, stamped with <paramref name="period"/>; one outcome per file, in order.</summary>
    Task<IReadOnlyList<UploadOutcome>> ProcessAsync(IReadOnlyList<SavedExtract> files, ReportingMonth period, CancellationToken cancellationToken);
}
