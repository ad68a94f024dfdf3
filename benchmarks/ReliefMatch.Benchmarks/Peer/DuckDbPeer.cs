using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Rules;
using ReliefMatch.Host.Bench;
using static System.FormattableString;

namespace ReliefMatch.Benchmarks.Peer;

/// <summary>
/// The bench's peer: DuckDB (in this process, in memory, on every core) reads the drop folder's CSV files and does
/// the bare joins of seven rules — deaths by ID, duplicates by ID, the dibao–tekun overlap, medical sums over the
/// window, severe disability and the two overdue dates — with the rule files' parameters.
/// </summary>
/// <remarks>
/// Bare joins: a record is tied to a person by the ID as written and the same name (spaces and <c>·•.</c> removed),
/// the exact identity of docs/rules.md. It does not validate, normalise, repair or upgrade IDs, match by name, sex and birth
/// date, nor read spellings other than the generator's plain mode writes (the contract's first header, canonical
/// values, ISO dates): it measures what reading the files and joining costs, not what the program does with messy files.
/// </remarks>
public sealed class DuckDbPeer : IBenchPeer
{
    private const string Enrolled = "status IN ('在保', '渐退')";

    public string Name => "duckdb";

    public IReadOnlySet<RuleKind> Kinds { get; } = new HashSet<RuleKind>
    {
        RuleKind.DeceasedRecipient, RuleKind.DuplicateEnrolment, RuleKind.DibaoTekunOverlap, RuleKind.LowIncomeMedical,
        RuleKind.LowIncomeSevereDisability, RuleKind.EconomicCheckOverdue, RuleKind.HomeVisitOverdue,
    };

    public async Task<IReadOnlyList<PeerFinding>> RunAsync(PeerRequest request, CancellationToken cancellationToken)
    {
        var files = Files(request.Inbox);
        var end = request.Month.Last;
        await using var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken);
        // The snapshots every rule reads once; the histories are read by the rule that needs them.
        await ExecuteAsync(connection, RosterTable(files, request.HomeCountyCode), cancellationToken);
        await ExecuteAsync(connection, MonitoringTable(files), cancellationToken);
        await ExecuteAsync(connection, Invariant($"""
            CREATE TABLE candidates AS
            SELECT DISTINCT id, name FROM (
                SELECT id, name FROM monitoring WHERE coalesce(risk_cleared, '') <> '是'
                UNION ALL
                SELECT id, name FROM roster WHERE home AND {Enrolled} AND programme IN ('{Programme.Edge.Chinese()}', '{Programme.Expenditure.Chinese()}'))
            WHERE id IS NOT NULL AND id NOT IN (SELECT id FROM roster WHERE id IS NOT NULL AND {Enrolled} AND (dibao OR tekun))
            """), cancellationToken);

        var findings = new List<PeerFinding>();
        foreach (var rule in request.Rules.Enabled.Where(r => Kinds.Contains(r.Kind)))
        {
            var sql = rule.Kind switch
            {
                RuleKind.DeceasedRecipient => Deaths(files, (DeathEvidenceParameters)rule.Parameters, end),
                RuleKind.DuplicateEnrolment => $"SELECT id FROM roster WHERE {Enrolled} AND id IS NOT NULL GROUP BY id HAVING count(DISTINCT county || '|' || household) > 1 AND bool_or(home)",
                RuleKind.DibaoTekunOverlap => $"SELECT id FROM roster WHERE {Enrolled} AND id IS NOT NULL GROUP BY id HAVING bool_or(dibao) AND bool_or(tekun) AND bool_or(home AND (dibao OR tekun))",
                RuleKind.LowIncomeMedical => Medical(files, (MedicalCostParameters)rule.Parameters, request.Month.First, end),
                RuleKind.LowIncomeSevereDisability => Disability(files, (SevereDisabilityParameters)rule.Parameters),
                RuleKind.EconomicCheckOverdue => Invariant($"""
                    SELECT household FROM roster WHERE home AND household IS NOT NULL GROUP BY household
                    HAVING bool_or({Enrolled} AND (dibao OR tekun)) AND {Overdue("last_check", ((RecheckIntervalParameters)rule.Parameters).IntervalMonths, end)}
                    """),
                RuleKind.HomeVisitOverdue => Invariant($"""
                    SELECT household FROM roster WHERE home AND household IS NOT NULL GROUP BY household
                    HAVING bool_or({Enrolled} AND dibao) AND bool_or(income_stable = '否') AND bool_or(work_ability = '有劳动能力')
                       AND {Overdue("last_visit", ((RecheckIntervalParameters)rule.Parameters).IntervalMonths, end)}
                    """),
                _ => throw new InvalidOperationException($"The peer does not express rule kind {rule.Kind}."),
            };
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                findings.Add(new PeerFinding(rule.Id, reader.GetString(0)));
            }
        }
        return findings;
    }

    /// <summary>The CSV files of each source folder; anything else in the drop folder is refused (the peer reads plain CSV only).</summary>
    private static Dictionary<SourceKind, List<string>> Files(string inbox)
    {
        var files = new Dictionary<SourceKind, List<string>>();
        foreach (var source in SourceKinds.All)
        {
            var folder = Path.Combine(inbox, source.Id());
            var found = Directory.Exists(folder) ? Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList() : [];
            if (found.FirstOrDefault(f => !f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) is { } other)
            {
                throw new InvalidOperationException($"The duckdb peer reads plain UTF-8 CSV only, and {other} is not one: bench with --plain true.");
            }
            files[source] = found;
        }
        return files;
    }

    private static string RosterTable(Dictionary<SourceKind, List<string>> files, string home) => $"""
        CREATE TABLE roster AS
        SELECT CASE WHEN coalesce(trim("区划代码"), '') = '' THEN '{home}' ELSE left(trim("区划代码"), 6) END AS county,
               regexp_full_match(coalesce(trim("区划代码"), ''), '({home}[0-9]*)?') AS home,
               trim("家庭编号") AS household, trim("身份证号") AS id, {NameKey("\"姓名\"")} AS name,
               trim("保障状态") AS status, trim("救助类别") AS programme,
               trim("救助类别") IN ('{Programme.UrbanDibao.Chinese()}', '{Programme.RuralDibao.Chinese()}') AS dibao,
               trim("救助类别") = '{Programme.Tekun.Chinese()}' AS tekun,
               TRY_CAST("最近核对日期" AS DATE) AS last_check, TRY_CAST("最近入户调查日期" AS DATE) AS last_visit,
               trim("劳动能力") AS work_ability, trim("收入是否稳定") AS income_stable
        FROM {Read(files[SourceKind.Roster])}
        """;

    private static string MonitoringTable(Dictionary<SourceKind, List<string>> files) => files[SourceKind.Monitoring].Count == 0
        ? "CREATE TABLE monitoring (id VARCHAR, name VARCHAR, risk_cleared VARCHAR)"
        : $"""
          CREATE TABLE monitoring AS
          SELECT trim("身份证号") AS id, {NameKey("\"姓名\"")} AS name, trim("风险是否消除") AS risk_cleared
          FROM {Read(files[SourceKind.Monitoring])}
          """;

    /// <summary>Home-county enrolled persons with a death record (the ID and name of a roster row) dated on or before end(P).</summary>
    private static string Deaths(Dictionary<SourceKind, List<string>> files, DeathEvidenceParameters parameters, DateOnly end)
    {
        var parts = new List<string>();
        if (parameters.Uses(SourceKind.PoliceDeaths) && files[SourceKind.PoliceDeaths].Count > 0)
        {
            parts.Add($"""
                SELECT trim("公民身份号码") AS id, {NameKey("\"姓名\"")} AS name, coalesce(TRY_CAST("死亡日期" AS DATE), TRY_CAST("注销日期" AS DATE)) AS died
                FROM {Read(files[SourceKind.PoliceDeaths])} WHERE trim("注销原因") = '死亡'
                """);
        }
        if (parameters.Uses(SourceKind.HealthDeaths) && files[SourceKind.HealthDeaths].Count > 0)
        {
            parts.Add($"""
                SELECT trim("身份证件号码") AS id, {NameKey("\"死者姓名\"")} AS name, TRY_CAST("死亡日期" AS DATE) AS died
                FROM {Read(files[SourceKind.HealthDeaths])}
                """);
        }
        if (parts.Count == 0)
        {
            return "SELECT NULL::VARCHAR WHERE false";
        }
        return $"""
            SELECT DISTINCT r.id FROM roster r JOIN ({string.Join(" UNION ALL ", parts)}) d ON d.id = r.id AND d.name = r.name
            WHERE r.home AND r.{Enrolled} AND d.died <= {Date(end)}
            """;
    }

    /// <summary>Low-income candidates whose out-of-pocket costs settled from the window's first day to end(P) reach the threshold.</summary>
    private static string Medical(Dictionary<SourceKind, List<string>> files, MedicalCostParameters parameters, DateOnly periodStart, DateOnly end)
    {
        if (files[SourceKind.Medical].Count == 0)
        {
            return "SELECT NULL::VARCHAR WHERE false";
        }
        var from = periodStart.AddMonths(-(parameters.WindowMonths - 1));
        return $"""
            SELECT c.id FROM (
                SELECT trim("身份证号") AS id, {NameKey("\"姓名\"")} AS name, TRY_CAST("结算日期" AS DATE) AS settled,
                       coalesce(TRY_CAST("个人自付" AS DECIMAL(18, 2)),
                                coalesce(TRY_CAST("医疗总费用" AS DECIMAL(18, 2)), 0) - coalesce(TRY_CAST("基本医疗保险支付" AS DECIMAL(18, 2)), 0)
                                - coalesce(TRY_CAST("大病保险支付" AS DECIMAL(18, 2)), 0) - coalesce(TRY_CAST("医疗救助支付" AS DECIMAL(18, 2)), 0)) AS paid
                FROM {Read(files[SourceKind.Medical])}) m
            JOIN candidates c ON m.id = c.id AND m.name = c.name
            WHERE m.settled BETWEEN {Date(from)} AND {Date(end)}
            GROUP BY c.id HAVING sum(m.paid) >= {parameters.Threshold.ToString(CultureInfo.InvariantCulture)}
            """;
    }

    /// <summary>Low-income candidates holding a valid certificate of a severe level (any category) or of level 3 in the rule's categories.</summary>
    private static string Disability(Dictionary<SourceKind, List<string>> files, SevereDisabilityParameters parameters)
    {
        if (files[SourceKind.Disability].Count == 0)
        {
            return "SELECT NULL::VARCHAR WHERE false";
        }
        var levels = parameters.Levels.Count == 0 ? "NULL" : string.Join(", ", parameters.Levels.Select(l => l.ToString(CultureInfo.InvariantCulture)));
        var categories = parameters.Level3Categories.Count == 0 ? "NULL" : string.Join(", ", parameters.Level3Categories.Select(c => $"'{c.Chinese()}'"));
        return $"""
            SELECT DISTINCT c.id FROM (
                SELECT coalesce(nullif(trim("身份证号"), ''), left(trim("残疾人证号"), 18)) AS id, {NameKey("\"姓名\"")} AS name,
                       trim("残疾类别") AS category, coalesce(trim("证件状态"), '有效') AS status,
                       CASE trim("残疾等级") WHEN '一级' THEN 1 WHEN '二级' THEN 2 WHEN '三级' THEN 3 WHEN '四级' THEN 4 END AS level
                FROM {Read(files[SourceKind.Disability])}) d
            JOIN candidates c ON d.id = c.id AND d.name = c.name
            WHERE d.status = '有效' AND (d.level IN ({levels}) OR d.level = 3 AND d.category IN ({categories}))
            """;
    }

    /// <summary>The latest date of a household is missing, or the interval's calendar months after it fall before end(P).</summary>
    private static string Overdue(string column, int months, DateOnly end) =>
        Invariant($"(max({column}) IS NULL OR CAST(max({column}) + INTERVAL {months} MONTH AS DATE) < {Date(end)})");

    /// <summary>A name as docs/rules.md compares names: without spaces and the separators · • and full stop.</summary>
    private static string NameKey(string column) => $"regexp_replace({column}, '[\\s·•.]', '', 'g')";

    private static string Date(DateOnly date) => $"DATE '{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'";

    /// <summary>Every file of a source as text columns by header (dates and amounts are cast where a rule reads them).</summary>
    private static string Read(IEnumerable<string> files)
    {
        var list = new StringBuilder("[");
        foreach (var file in files)
        {
            list.Append(list.Length > 1 ? ", '" : "'").Append(file.Replace("'", "''", StringComparison.Ordinal)).Append('\'');
        }
        return list.Append("], header = true, all_varchar = true, union_by_name = true)").Insert(0, "read_csv(").ToString();
    }

    private static async Task ExecuteAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
