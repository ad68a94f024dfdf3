using Npgsql;
using ReliefMatch.Core.Periods;
using ReliefMatch.Readers;
using ReliefMatch.Storage.Imports;

namespace ReliefMatch.Host.Web.Uploads;

/// <summary>Imports uploaded extracts right away, one after the other, with the same importer as <c>reliefmatch import</c>.</summary>
public sealed class ImmediateExtractImport(NpgsqlDataSource dataSource, TimeProvider time, WorkplaceSettings settings, ILogger<ImmediateExtractImport> logger)
    : IExtractUploadProcessor
{
    public async Task<IReadOnlyList<UploadOutcome>> ProcessAsync(IReadOnlyList<SavedExtract> files, ReportingMonth period, CancellationToken cancellationToken)
    {
        var importer = new ExtractImporter(dataSource, time, null, logger, new ExtractReaderOptions { HomeCountyCode = settings.Installation.HomeCountyCode });
        var outcomes = new List<UploadOutcome>(files.Count);
        foreach (var file in files)
        {
            var report = await importer.ImportFileAsync(file.Path, file.Source, period, file.DisplayName, null, cancellationToken);
            outcomes.Add(new UploadOutcome(Path.GetFileName(file.Path)) { Saved = file, Report = report });
        }
        return outcomes;
    }
}
