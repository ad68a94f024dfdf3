using System.Globalization;
using System.Text.RegularExpressions;
using ReliefMatch.Core.Extracts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReliefMatch.Core.Rules;

/// <summary>
/// Reads and validates rule files (rules/README.md). Strict on purpose: a rule file is code, and a typo
/// that silently disabled a check or a threshold would go unnoticed for months. Every problem is a
/// <see cref="RuleFileException"/> naming the file, the line and what was expected.
/// </summary>
/// <remarks>Pure: takes the file's name and text; reading the folder is the host's job.</remarks>
public static partial class RuleFileLoader
{
    private static readonly string[] TopLevelFields = ["id", "version", "title", "kind", "enabled", "data_warning", "due_days", "action", "parameters"];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleIdPattern();

    /// <summary>Parses one rule file.</summary>
    /// <param name="sources">The installation's declared sources, which rules may name; the shipped ones unless given.</param>
    /// <exception cref="RuleFileException">The file is not a valid rule.</exception>
    public static Rule Load(RuleFile file, Sources.SourceCatalog? sources = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var reader = new Reader(file.Name);
        var root = reader.Root(file.Text);
        reader.RejectUnknown(root, TopLevelFields, "field");

        var id = reader.Text(root, "id");
        if (!RuleIdPattern().IsMatch(id.Value))
        {
            throw reader.Error(id.Node, $"'id' must be lower-case letters, digits and single hyphens (e.g. low-income-medical), found '{id.Value}'.");
        }
        var version = reader.Integer(root, "version", min: 1, "a whole number, 1 or more");
        var title = reader.Text(root, "title");
        var kindText = reader.Text(root, "kind");
        if (!RuleKinds.TryParse(kindText.Value, out var kind))
        {
            throw reader.Error(kindText.Node, $"'kind' must be one of {string.Join(", ", RuleKinds.All.Select(k => k.Id()))}; found '{kindText.Value}'.");
        }
        var enabled = reader.OptionalBoolean(root, "enabled") ?? true;
        var dataWarning = reader.Boolean(root, "data_warning");
        var dueDays = reader.Integer(root, "due_days", min: 0, "a whole number of days, 0 or more");
        var action = reader.Text(root, "action");
        var parameters = ReadParameters(reader, root, kind, sources ?? Sources.SourceCatalog.Shipped);

        return new Rule
        {
            Id = id.Value,
            Version = version,
            Title = title.Value,
            Kind = kind,
            Parameters = parameters,
            Action = action.Value,
            DueDays = dueDays,
            DataWarning = dataWarning,
            Enabled = enabled,
            File = file.Name,
        };
    }

    private static RuleParameters ReadParameters(Reader reader, YamlMappingNode root, RuleKind kind, Sources.SourceCatalog sources)
    {
        var names = ParameterNames(kind);
        var node = reader.Find(root, "parameters");
        if (names.Length == 0)
        {
            if (node is null || node is YamlScalarNode { Value: null or "" })
            {
                return NoParameters.Instance;
            }
            if (node is YamlMappingNode empty)
            {
                reader.RejectUnknown(empty, [], $"parameter (kind {kind.Id()} takes none)");
                return NoParameters.Instance;
            }
            throw reader.Error(node, $"'parameters' of kind {kind.Id()} must be empty or left out.");
        }
        if (node is null)
        {
            throw reader.Error(root, $"missing 'parameters' (kind {kind.Id()} needs {string.Join(", ", names)}).");
        }
        if (node is not YamlMappingNode map)
        {
            throw reader.Error(node, $"'parameters' must be a mapping of {string.Join(", ", names)}.");
        }
        reader.RejectUnknown(map, names, $"parameter of kind {kind.Id()}");
        switch (kind)
        {
            case RuleKind.DeceasedRecipient or RuleKind.PaidAfterDeath:
                // The sources with death records of their own, then every other source whose declaration names a death date.
                return new DeathEvidenceParameters(reader.Sources(map, "death_sources",
                    [.. SourceKinds.Deaths.Select(s => s.Id()), .. sources.Sources.Where(s => s.DeathDate is not null && !SourceKinds.TryParse(s.Id, out _)).Select(s => s.Id)]));
            case RuleKind.LowIncomeMedical:
                var threshold = reader.Amount(map, "threshold");
                var window = reader.Integer(map, "window_months", min: 1, "a whole number of months, 1 or more", max: 120);
                return new MedicalCostParameters(threshold, window);
            case RuleKind.LowIncomeSevereDisability:
                return new SevereDisabilityParameters(reader.Levels(map, "levels"), reader.Categories(map, "level3_categories"));
            case RuleKind.EconomicCheckOverdue or RuleKind.HomeVisitOverdue:
                return new RecheckIntervalParameters(reader.Integer(map, "interval_months", min: 1, "a whole number of months, 1 or more", max: 120));
            case RuleKind.IdNameMismatch:
                return new RecordSourcesParameters([.. reader.Sources(map, "sources", [.. Matching.IdNameMismatchCheck.Sources.Select(s => s.Id())])
                    .Select(id => SourceKinds.TryParse(id, out var kind) ? kind : throw new InvalidOperationException($"{id} is not a source with records of its own."))]);
            case RuleKind.AmountMismatch:
                return new ToleranceParameters(reader.Amount(map, "tolerance"));
            case RuleKind.ApplicationNotVisited:
                return new VisitDaysParameters(reader.Integer(map, "visit_days", min: 0, "a whole number of days, 0 or more", max: 3660));
            case RuleKind.RecordHeld or RuleKind.AmountOverWindow or RuleKind.EnrolledWithoutRecord or RuleKind.ValueShared:
                return ReadGeneral(reader, map, kind, sources);
            default:
                throw new InvalidOperationException($"No parameter reader for kind {kind}.");
        }
    }

    /// <summary>
    /// The parameters each kind takes. Those of the fixed kinds are all required (defaults live in the shipped files);
    /// the general kinds over declared sources leave some out when unused (docs/rules.md, "General kinds").
    /// </summary>
    public static string[] ParameterNames(RuleKind kind) => kind switch
    {
        RuleKind.DeceasedRecipient => ["death_sources"],
        RuleKind.LowIncomeMedical => ["threshold", "window_months"],
        RuleKind.LowIncomeSevereDisability => ["levels", "level3_categories"],
        RuleKind.EconomicCheckOverdue or RuleKind.HomeVisitOverdue => ["interval_months"],
        RuleKind.IdNameMismatch => ["sources"],
        RuleKind.PaidAfterDeath => ["death_sources"],
        RuleKind.AmountMismatch => ["tolerance"],
        RuleKind.ApplicationNotVisited => ["visit_days"],
        RuleKind.RecordHeld => ["source", "holders", "programmes", "per", "where", "flag_when", "show"],
        RuleKind.AmountOverWindow => ["source", "amount_field", "month_field", "window_months", "programmes", "threshold", "standards", "where", "group_by"],
        RuleKind.EnrolledWithoutRecord => ["source", "programmes", "programme_field", "month_field", "household_field"],
        RuleKind.ValueShared => ["source", "field", "month_field"],
        _ => [],
    };

    /// <summary>The rule-specific values on top of the shared <see cref="YamlFileReader"/>.</summary>
    private sealed partial class Reader(string file) : YamlFileReader(file, "rule fields (id, version, title, kind, …)")
    {
        public decimal Amount(YamlMappingNode map, string name)
        {
            const string expected = "a positive amount of yuan such as 20000 or 20000.00";
            var (node, value) = Scalar(map, name, expected);
            if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                || amount <= 0 || decimal.Round(amount, 2) != amount)
            {
                throw Error(node, $"'{name}' must be {expected} (at most 2 decimals), found '{value}'.");
            }
            return amount;
        }

        /// <summary>A list of sources by id, each one of <paramref name="allowed"/>, none twice, at least one.</summary>
        public IReadOnlyList<string> Sources(YamlMappingNode map, string name, IReadOnlyList<string> allowed)
        {
            var names = string.Join(", ", allowed);
            var sequence = Sequence(map, name, names);
            var result = new List<string>();
            foreach (var (node, value) in Items(sequence, name, $"one of {names}"))
            {
                if (result.Contains(value, StringComparer.Ordinal))
                {
                    throw Error(node, $"'{name}' lists '{value}' twice.");
                }
                if (!allowed.Contains(value, StringComparer.Ordinal))
                {
                    throw Error(node, $"'{name}' may list {names}; found '{value}'.");
                }
                result.Add(value);
            }
            if (result.Count == 0)
            {
                throw Error(sequence, $"'{name}' must list at least one of {names}.");
            }
            return result;
        }

        public IReadOnlySet<int> Levels(YamlMappingNode map, string name)
        {
            const string expected = "a disability level 1, 2, 3 or 4";
            var sequence = Sequence(map, name, "1 2 3 4");
            var result = new SortedSet<int>();
            foreach (var (node, value) in Items(sequence, name, expected))
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level is < 1 or > 4)
                {
                    throw Error(node, $"each item of '{name}' must be {expected}; found '{value}'.");
                }
                result.Add(level);
            }
            return result;
        }

        public IReadOnlySet<DisabilityCategory> Categories(YamlMappingNode map, string name)
        {
            const string expected = "a disability category: 视力, 听力, 言语, 肢体, 智力, 精神 or 多重";
            var sequence = Sequence(map, name, "智力 精神");
            var result = new SortedSet<DisabilityCategory>();
            foreach (var (node, value) in Items(sequence, name, expected))
            {
                if (!CodeLists.TryDisabilityCategory(value, out var category) || char.IsAsciiDigit(value[0]))
                {
                    throw Error(node, $"unknown disability category '{value}' in '{name}'; expected {expected}.");
                }
                result.Add(category);
            }
            return result;
        }
    }
}
