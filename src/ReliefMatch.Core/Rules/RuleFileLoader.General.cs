using System.Globalization;
using System.Text.RegularExpressions;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Sources;
using YamlDotNet.RepresentationModel;

namespace ReliefMatch.Core.Rules;

/// <summary>The parameters of the general kinds over declared sources (record-held, amount-over-window, …).</summary>
public static partial class RuleFileLoader
{
    private static readonly string[] ConditionTests = ["equals", "in", "not_in", "contains_any_of", "contains_none_of", "at_least", "within_months", "by_period_end"];
    private static readonly string[] ConditionKeys = ["field", .. ConditionTests, "if_empty", "if_no_column"];
    private static readonly string[] CountKeys = ["where", "distinct_by", "more_than"];

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldNamePattern();

    private static RuleParameters ReadGeneral(Reader reader, YamlMappingNode map, RuleKind kind, Sources.SourceCatalog sources)
    {
        var source = reader.SourceId(map, "source");
        var declaration = sources.Find(source)
            ?? throw reader.Error(reader.Required(map, "source"), $"'source' names '{source}', which no source declaration declares; declared: {string.Join(", ", sources.Sources.Select(s => s.Id))}.");
        var parameters = ReadGeneral(reader, map, kind, source);
        CheckFields(reader, map, declaration, parameters);
        return parameters;
    }

    /// <summary>
    /// Every field the rule names is one its source declares, of a type its test fits: a typo found when the rules
    /// are loaded, not in the middle of a monthly run.
    /// </summary>
    private static void CheckFields(Reader reader, YamlMappingNode map, Sources.SourceDeclaration declaration, RuleParameters parameters)
    {
        Sources.FieldType[] text = [Sources.FieldType.Text, Sources.FieldType.Code, Sources.FieldType.Name, Sources.FieldType.CertificateNo];
        Sources.FieldType[] amount = [Sources.FieldType.Money, Sources.FieldType.Number];
        Sources.FieldType[] time = [Sources.FieldType.Date, Sources.FieldType.Month];
        var fields = new List<(string Field, Sources.FieldType[]? Types)>();
        void Conditions(IEnumerable<RecordCondition> conditions) => fields.AddRange(conditions.Select(c => (c.Field, (Sources.FieldType[]?)(c.Test switch
        {
            ConditionTest.AtLeast => amount,
            ConditionTest.WithinMonths or ConditionTest.ByPeriodEnd => time,
            _ => text,
        }))));
        switch (parameters)
        {
            case RecordHeldParameters p:
                Conditions(p.Where.Concat(p.FlagWhen.SelectMany(c => c.Where)));
                fields.AddRange(p.FlagWhen.Where(c => c.DistinctBy is not null).Select(c => (c.DistinctBy!, (Sources.FieldType[]?)null)));
                fields.AddRange(p.Show.Select(f => (f, (Sources.FieldType[]?)null)));
                break;
            case AmountOverWindowParameters p:
                Conditions(p.Where);
                fields.Add((p.AmountField, amount));
                fields.Add((p.MonthField, [Sources.FieldType.Month]));
                if (p.GroupBy is not null)
                {
                    fields.Add((p.GroupBy, null));
                }
                break;
            case EnrolledWithoutRecordParameters p:
                fields.Add((p.MonthField, [Sources.FieldType.Month]));
                fields.Add((p.ProgrammeField, text));
                if (p.HouseholdField is not null)
                {
                    fields.Add((p.HouseholdField, text));
                }
                break;
            case ValueSharedParameters p:
                fields.Add((p.Field, text));
                fields.Add((p.MonthField, [Sources.FieldType.Month]));
                break;
        }
        foreach (var (name, types) in fields)
        {
            var field = declaration.Field(name)
                ?? throw reader.Error(map, $"source '{declaration.Id}' declares no field '{name}'; its fields: {string.Join(", ", declaration.Fields.Select(f => f.Name))}.");
            if (types is not null && Array.IndexOf(types, field.Type) < 0)
            {
                throw reader.Error(map, $"field '{name}' of source '{declaration.Id}' is of type {field.Type.Id()}; the rule needs one of {string.Join(", ", types.Select(t => t.Id()))} there.");
            }
        }
    }

    private static RuleParameters ReadGeneral(Reader reader, YamlMappingNode map, RuleKind kind, string source)
    {
        switch (kind)
        {
            case RuleKind.RecordHeld:
            {
                var holders = reader.Choice(map, "holders", ["enrolled", "low-income"]) == "enrolled" ? Holders.Enrolled : Holders.LowIncome;
                var programmes = holders == Holders.Enrolled
                    ? reader.Programmes(map, "programmes")
                    : reader.Find(map, "programmes") is { } stray
                        ? throw reader.Error(stray, "'programmes' is only for holders: enrolled (the low-income population is every programme and the monitored).")
                        : [];
                var per = reader.Choice(map, "per", ["person", "household"]) == "person" ? FindingUnit.Person : FindingUnit.Household;
                var where = reader.Conditions(map, "where");
                IReadOnlyList<RecordCount> counts = reader.Find(map, "flag_when") is null ? [new RecordCount([], null, 0)] : reader.Counts(map, "flag_when");
                return new RecordHeldParameters(source, holders, programmes, per, where, counts, reader.Fields(map, "show", optional: false));
            }
            case RuleKind.AmountOverWindow:
            {
                var threshold = reader.Find(map, "threshold") is null ? (decimal?)null : reader.Amount(map, "threshold");
                var standards = reader.Standards(map, "standards");
                if (threshold is null == standards is null)
                {
                    throw reader.Error(map, "give either 'threshold' (yuan) or 'standards' (yuan per person per month by programme), not both or neither.");
                }
                return new AmountOverWindowParameters(source, reader.Field(map, "amount_field"), reader.Field(map, "month_field"),
                    reader.Integer(map, "window_months", min: 1, "a whole number of months, 1 or more", max: 120),
                    reader.Programmes(map, "programmes"), threshold, standards ?? new Dictionary<Programme, decimal>(),
                    reader.Conditions(map, "where"), reader.Find(map, "group_by") is null ? null : reader.Field(map, "group_by"));
            }
            case RuleKind.EnrolledWithoutRecord:
                return new EnrolledWithoutRecordParameters(source, reader.Programmes(map, "programmes"), reader.Field(map, "programme_field"),
                    reader.Field(map, "month_field"), reader.Find(map, "household_field") is null ? null : reader.Field(map, "household_field"));
            default:
                return new ValueSharedParameters(source, reader.Field(map, "field"), reader.Field(map, "month_field"));
        }
    }

    private sealed partial class Reader
    {
        public string SourceId(YamlMappingNode map, string name)
        {
            var (node, value) = Scalar(map, name, "a source id such as vehicles");
            if (!RuleIdPattern().IsMatch(value))
            {
                throw Error(node, $"'{name}' must be a source id (lower-case letters, digits and single hyphens, e.g. vehicles), found '{value}'.");
            }
            return value;
        }

        public string Field(YamlMappingNode map, string name)
        {
            var (node, value) = Scalar(map, name, "a declared field's name such as vehicle_type");
            return CheckField(node, name, value);
        }

        private string CheckField(YamlNode node, string name, string value) =>
            FieldNamePattern().IsMatch(value)
                ? value
                : throw Error(node, $"'{name}' must be a declared field's name (snake_case, e.g. vehicle_type), found '{value}'.");

        public IReadOnlyList<string> Fields(YamlMappingNode map, string name, bool optional)
        {
            if (optional && Find(map, name) is null)
            {
                return [];
            }
            return [.. Items(Sequence(map, name, "vehicle_type"), name, "a field name").Select(i => CheckField(i.Node, name, i.Value))];
        }

        public string Choice(YamlMappingNode map, string name, string[] choices)
        {
            var (node, value) = Scalar(map, name, "one of " + string.Join(", ", choices));
            return Array.IndexOf(choices, value) >= 0 ? value : throw Error(node, $"'{name}' must be one of {string.Join(", ", choices)}; found '{value}'.");
        }

        public IReadOnlyList<Programme> Programmes(YamlMappingNode map, string name)
        {
            var all = Enum.GetValues<Programme>();
            var names = string.Join(", ", all.Select(p => p.Id()));
            var sequence = Sequence(map, name, names);
            var result = new List<Programme>();
            foreach (var (node, value) in Items(sequence, name, $"one of {names}"))
            {
                var programme = ProgrammeOf(node, name, value, names);
                if (result.Contains(programme))
                {
                    throw Error(node, $"'{name}' lists '{value}' twice.");
                }
                result.Add(programme);
            }
            return result.Count > 0 ? result : throw Error(sequence, $"'{name}' must list at least one of {names}.");
        }

        private Programme ProgrammeOf(YamlNode node, string name, string value, string names)
        {
            foreach (var p in Enum.GetValues<Programme>())
            {
                if (string.Equals(p.Id(), value, StringComparison.Ordinal))
                {
                    return p;
                }
            }
            throw Error(node, $"'{name}' may name the programmes {names}; found '{value}'.");
        }

        public IReadOnlyDictionary<Programme, decimal>? Standards(YamlMappingNode map, string name)
        {
            if (Find(map, name) is not { } node)
            {
                return null;
            }
            var names = string.Join(", ", Enum.GetValues<Programme>().Select(p => p.Id()));
            if (node is not YamlMappingNode standards || standards.Children.Count == 0)
            {
                throw Error(node, $"'{name}' must map programmes ({names}) to yuan per person per month, e.g. {{rural-dibao: 450}}.");
            }
            var result = new Dictionary<Programme, decimal>();
            foreach (var (key, _) in standards.Children)
            {
                var programmeName = key is YamlScalarNode { Value: { } k } ? k.Trim() : "";
                result[ProgrammeOf(key, name, programmeName, names)] = Amount(standards, programmeName);
            }
            return result;
        }

        public IReadOnlyList<RecordCondition> Conditions(YamlMappingNode map, string name)
        {
            if (Find(map, name) is null)
            {
                return [];
            }
            var sequence = Sequence(map, name, "{field: status, in: [正常]}");
            var result = new List<RecordCondition>();
            foreach (var item in sequence.Children)
            {
                if (item is not YamlMappingNode condition)
                {
                    throw Error(item, $"each item of '{name}' must be a mapping such as {{field: status, in: [正常]}}.");
                }
                result.Add(Condition(condition));
            }
            return result;
        }

        private RecordCondition Condition(YamlMappingNode map)
        {
            RejectUnknown(map, ConditionKeys, "condition key");
            var field = Field(map, "field");
            var tests = ConditionTests.Where(t => Find(map, t) is not null).ToList();
            if (tests.Count != 1)
            {
                throw Error(map, $"a condition on '{field}' needs exactly one of {string.Join(", ", ConditionTests)}; found {(tests.Count == 0 ? "none" : string.Join(", ", tests))}.");
            }
            var emptyPasses = Find(map, "if_empty") is not null && Choice(map, "if_empty", ["pass", "fail"]) == "pass";
            var withoutColumn = Find(map, "if_no_column") is not null && Choice(map, "if_no_column", ["pass", "skip"]) == "pass";
            var test = tests[0];
            switch (test)
            {
                case "at_least":
                    var (node, value) = Scalar(map, test, "a number such as 0 or 50000");
                    if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                    {
                        throw Error(node, $"'at_least' must be a number such as 0 or 50000, found '{value}'.");
                    }
                    return new RecordCondition(field, ConditionTest.AtLeast, [], Number: number, EmptyPasses: emptyPasses, PassesWithoutColumn: withoutColumn);
                case "within_months":
                    return new RecordCondition(field, ConditionTest.WithinMonths, [],
                        Months: Integer(map, test, min: 1, "a whole number of months, 1 or more", max: 120), EmptyPasses: emptyPasses, PassesWithoutColumn: withoutColumn);
                case "by_period_end":
                    if (!Boolean(map, test))
                    {
                        throw Error(Required(map, test), "'by_period_end' can only be true (leave the condition out otherwise).");
                    }
                    return new RecordCondition(field, ConditionTest.ByPeriodEnd, [], EmptyPasses: emptyPasses, PassesWithoutColumn: withoutColumn);
                case "equals":
                    return new RecordCondition(field, ConditionTest.EqualTo, [Text(map, test).Value], EmptyPasses: emptyPasses, PassesWithoutColumn: withoutColumn);
                default:
                    var words = Items(Sequence(map, test, "摩托车 三轮"), test, "a word").Select(i => i.Value).ToList();
                    if (words.Count == 0 && test is "in" or "contains_any_of")
                    {
                        throw Error(Required(map, test), $"'{test}' must list at least one word (nothing would ever match).");
                    }
                    var kind = test switch
                    {
                        "in" => ConditionTest.In,
                        "not_in" => ConditionTest.NotIn,
                        "contains_any_of" => ConditionTest.ContainsAnyOf,
                        _ => ConditionTest.ContainsNoneOf,
                    };
                    return new RecordCondition(field, kind, words, EmptyPasses: emptyPasses, PassesWithoutColumn: withoutColumn);
            }
        }

        public IReadOnlyList<RecordCount> Counts(YamlMappingNode map, string name)
        {
            var sequence = Sequence(map, name, "{distinct_by: location, more_than: 1}");
            var result = new List<RecordCount>();
            foreach (var item in sequence.Children)
            {
                if (item is not YamlMappingNode count)
                {
                    throw Error(item, $"each item of '{name}' must be a mapping such as {{where: [...], distinct_by: location, more_than: 1}}.");
                }
                RejectUnknown(count, CountKeys, "count key");
                var distinct = Find(count, "distinct_by") is null ? null : Field(count, "distinct_by");
                result.Add(new RecordCount(Conditions(count, "where"), distinct, Integer(count, "more_than", min: 0, "a whole number, 0 or more")));
            }
            return result.Count > 0 ? result : throw Error(sequence, $"'{name}' must list at least one count.");
        }
    }
}
