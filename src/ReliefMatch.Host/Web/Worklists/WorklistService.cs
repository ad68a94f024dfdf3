using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Statistics;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Host.Runs;
using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Host.Web.Worklists;

/// <summary>
/// Worklists and the 统计表 generated on demand from the stored findings of a month, with the same writers as
/// the monthly run, so that a download says what the run's own files say (with today's dispositions).
/// </summary>
public sealed class WorklistService(FindingQueries findings, TownshipDirectory townships, RuleTitles titles, WorkplaceSettings settings,
    Npgsql.NpgsqlDataSource dataSource, CurrentRules rules, ReliefMatch.Storage.Statistics.PublishedSheetStore published)
{
    /// <summary>
    /// The 统计表 a month's page and downloads show: the latest published version when the county has published (上报) the
    /// month, whose numbers never change afterwards; else the sheet counted now (<see cref="StatisticsAsync"/>).
    /// </summary>
    public async Task<(MonthStatistics Statistics, ReliefMatch.Storage.Statistics.PublishedSheet? Published)> SheetAsync(ReportingMonth period, CancellationToken cancellationToken)
    {
        if (await published.LatestAsync(period, cancellationToken) is { } sheet)
        {
            return (StatsJsonReader.Read(sheet.Sheet), sheet);
        }
        return (await StatisticsAsync(period, cancellationToken), null);
    }

    /// <summary>The findings the run of <paramref name="period"/> produced, of one township when given, titles filled in.</summary>
    public async Task<IReadOnlyList<WorkplaceFinding>> FindingsAsync(ReportingMonth period, string? township, CancellationToken cancellationToken)
    {
        var list = await findings.ForPeriodAsync(period, township, cancellationToken);
        return list.Select(f => f with { Finding = titles.Apply(f.Finding) }).ToList();
    }

    /// <summary>A township's worklist for a month: dismissed findings left off, IDs masked unless <paramref name="fullIds"/>.</summary>
    public async Task<Worklist> WorklistAsync(string township, ReportingMonth period, bool fullIds, CancellationToken cancellationToken)
    {
        var ofTownship = await FindingsAsync(period, township, cancellationToken);
        return Worklist.Build(settings.Installation.CountyName, period, ofTownship.Select(f => f.ToRunFinding()), [township], fullIds)
            .Single(w => string.Equals(w.Township, township, StringComparison.Ordinal));
    }

    /// <summary>The townships of a month: the home county's (from the roster) and any other a finding names, in ordinal order.</summary>
    public async Task<IReadOnlyList<string>> TownshipsAsync(ReportingMonth period, IEnumerable<WorkplaceFinding> ofPeriod, CancellationToken cancellationToken)
    {
        var home = await townships.HomeTownshipsAsync(period, settings.Installation.HomeCountyCode, cancellationToken);
        return home.Concat(ofPeriod.Select(f => f.Finding.Township).Where(t => !string.IsNullOrWhiteSpace(t)))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The 统计表 of a month for the county and each township, counted as the run counts it.</summary>
    public async Task<MonthStatistics> StatisticsAsync(ReportingMonth period, CancellationToken cancellationToken)
    {
        var ofPeriod = await FindingsAsync(period, null, cancellationToken);
        var home = await townships.HomeTownshipsAsync(period, settings.Installation.HomeCountyCode, cancellationToken);
        var (statistics, _) = await MonthSheet.CountAsync(dataSource, rules.Rules, settings.Installation.HomeCountyCode, period,
            ofPeriod.Select(f => f.ToRunFinding()).ToList(), home, cancellationToken);
        return statistics;
    }
}
