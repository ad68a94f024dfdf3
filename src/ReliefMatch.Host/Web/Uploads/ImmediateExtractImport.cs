using Npgsql;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Host.Runs;
using ReliefMatch.Storage.Imports;

namespace ReliefMatch.Host.Web.Uploads;

/// <summary>
/// Imports uploaded extracts right away, one after the other, with the same importer as <c>reliefmatch import</c>.
/// A file refused as a whole is moved out of the drop folder to <c>&lt;home&gt;/refused/&lt;period&gt;/&lt;source&gt;/</c>, as
/// the <c>import-inbox</c> job does (<see cref="HandledFiles"/>), so that no later import is offered it again.
/// </summary>
public sealed class ImmediateExtractImport(NpgsqlDataSource dataSource, TimeProvider time, WorkplaceSettings settings, RuleSet rules, ILogger<ImmediateExtractImport> logger)
    : IExtractUploadProcessor
{
    public async Task<IReadOnlyList<UploadOutcome>> ProcessAsync(IReadOnlyList<SavedExtract> files, ReportingMonth period, CancellationToken cancellationToken)
    {
        var importer = new ExtractImporter(dataSource, time, null, logger, settings.Installation.ReaderOptions, rules.Sources);
        var outcomes = new List<UploadOutcome>(files.Count);
        foreach (var file in files)
        {
            var report = await importer.ImportFileAsync(file.Path, file.Source, period, file.DisplayName, null, cancellationToken);
            var saved = file;
            if (report.RefusedReason is not null)
            {
                saved = MoveAside(file, period);
            }
            outcomes.Add(new UploadOutcome(Path.GetFileName(file.Path)) { Saved = saved, Report = report });
        }
        return outcomes;
    }

    private SavedExtract MoveAside(SavedExtract file, ReportingMonth period)
    {
        var target = HandledFiles.MoveTo(file.Path, HandledFiles.Folder(settings.Home, HandledFiles.Refused, period.ToString(), file.Source.Id));
        return file with { Path = target, DisplayName = $"{HandledFiles.Refused}/{period}/{file.Source.Id}/{Path.GetFileName(target)}" };
    }
}
