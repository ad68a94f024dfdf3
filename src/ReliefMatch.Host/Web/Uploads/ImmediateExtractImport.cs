using Npgsql;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Storage.Imports;

namespace ReliefMatch.Host.Web.Uploads;

/// <summary>
/// Imports uploaded extracts right away, one after the other, with the same importer as <c>reliefmatch import</c>.
/// A file refused as a whole is moved out of its source folder into <c>&lt;inbox&gt;/.refused/&lt;source&gt;/</c>, so
/// that the drop folder does not offer it to every later import again.
/// </summary>
public sealed class ImmediateExtractImport(NpgsqlDataSource dataSource, TimeProvider time, WorkplaceSettings settings, ILogger<ImmediateExtractImport> logger)
    : IExtractUploadProcessor
{
    /// <summary>Where refused uploads are kept, under the drop folder (not a source folder, so never imported).</summary>
    public const string RefusedFolder = ".refused";

    public async Task<IReadOnlyList<UploadOutcome>> ProcessAsync(IReadOnlyList<SavedExtract> files, ReportingMonth period, CancellationToken cancellationToken)
    {
        var importer = new ExtractImporter(dataSource, time, null, logger, settings.Installation.ReaderOptions);
        var outcomes = new List<UploadOutcome>(files.Count);
        foreach (var file in files)
        {
            var report = await importer.ImportFileAsync(file.Path, file.Source, period, file.DisplayName, null, cancellationToken);
            var saved = file;
            if (report.RefusedReason is not null)
            {
                saved = MoveAside(file);
            }
            outcomes.Add(new UploadOutcome(Path.GetFileName(file.Path)) { Saved = saved, Report = report });
        }
        return outcomes;
    }

    private SavedExtract MoveAside(SavedExtract file)
    {
        var folder = Directory.CreateDirectory(Path.Combine(settings.Inbox, RefusedFolder, file.Source.Id())).FullName;
        var name = Path.GetFileName(file.Path);
        var target = Path.Combine(folder, name);
        for (var n = 2; File.Exists(target); n++)
        {
            target = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(name)} ({n}){Path.GetExtension(name)}");
        }
        File.Move(file.Path, target);
        return file with { Path = target, DisplayName = $"{RefusedFolder}/{file.Source.Id()}/{Path.GetFileName(target)}" };
    }
}
