using System.Text.RegularExpressions;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Rules;
using YamlDotNet.RepresentationModel;

namespace ReliefMatch.Core.Sources;

/// <summary>
/// Reads and validates source declarations (<c>rules/sources/&lt;id&gt;.yaml</c>), as strictly as rule files: a
/// declaration is code, and a misspelt header or type would silently lose a column for months. Every problem is
/// a <see cref="RuleFileException"/> naming the file, the line and what was expected.
/// </summary>
/// <remarks>Pure: takes the file's name and text; reading the folder is the host's job.</remarks>
public static partial class SourceDeclarationLoader
{
    private static readonly string[] TopLevelFields = ["id", "names", "department", "policy", "key", "identity", "required_one_of", "fields", "filters"];
    private static readonly string[] NameFields = ["zh", "en"];
    private static readonly string[] FieldFields = ["name", "type", "headers", "required", "codes", "store", "meaning"];
    private static readonly string[] FilterFields = ["field", "keep", "keep_codes", "when_absent", "otherwise"];
    private static readonly string[] Policies = ["snapshot", "history", "latest"];

    /// <summary>The code lists the program knows by name (docs/sources.md's canonical values and their spellings).</summary>
    public static IReadOnlyList<string> CodeListNames { get; } =
        ["programme", "enrolment-status", "support-mode", "work-ability", "yes-no", "sex", "disability-category", "disability-level"];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SourceIdPattern();

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldNamePattern();

    /// <summary>Parses one declaration; the file must be named after the source's id (<c>police-deaths.yaml</c>).</summary>
    /// <exception cref="RuleFileException">The file is not a valid source declaration.</exception>
    public static SourceDeclaration Load(RuleFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var reader = new YamlFileReader(file.Name, "source declaration fields (id, names, department, policy, fields, …)");
        var root = reader.Root(file.Text);
        reader.RejectUnknown(root, TopLevelFields, "field");

        var id = reader.Text(root, "id");
        if (!SourceIdPattern().IsMatch(id.Value))
        {
            throw reader.Error(id.Node, $"'id' must be lower-case letters, digits and single hyphens (e.g. police-deaths), found '{id.Value}'.");
        }
        var stem = Path.GetFileNameWithoutExtension(file.Name);
        if (!string.Equals(stem, id.Value, StringComparison.Ordinal))
        {
            throw reader.Error(id.Node, $"the declaration of source '{id.Value}' must be in a file named {id.Value}.yaml (the drop folder's sub-folder has that name too), not {file.Name}.");
        }
        var names = reader.Required(root, "names") as YamlMappingNode ?? throw reader.Error(reader.Required(root, "names"), "'names' must be a mapping of zh and en.");
        reader.RejectUnknown(names, NameFields, "name");
        var chinese = reader.Text(names, "zh").Value;
        var english = reader.Text(names, "en").Value;
        var department = reader.Text(root, "department").Value;
        var policyText = reader.Text(root, "policy");
        var policyIndex = Array.IndexOf(Policies, policyText.Value);
        if (policyIndex < 0)
        {
            throw reader.Error(policyText.Node, $"'policy' must be one of {string.Join(", ", Policies)}; found '{policyText.Value}'.");
        }
        var policy = (SourcePolicy)(policyIndex + 1);

        var fields = ReadFields(reader, root);
        var names0 = fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<string> key = [];
        if (policy == SourcePolicy.Latest)
        {
            key = FieldList(reader, root, "key", names0);
        }
        else if (reader.Find(root, "key") is { } keyNode)
        {
            throw reader.Error(keyNode, $"'key' belongs only to a source whose policy is latest; this one's is {policyText.Value}.");
        }
        var identityNode = reader.Sequence(root, "identity", "field names");
        var identity = FieldList(reader, root, "identity", names0);
        // The stored record of every source carries the person's name and ID: the matching engine's common part.
        var personNames = identity.Where(n => fields.Find(f => f.Name == n)!.Type == FieldType.Name).ToList();
        if (personNames.Count != 1)
        {
            throw reader.Error(identityNode, personNames.Count == 0
                ? "'identity' must list the person's name: a field of type name (usually 'name'; 'owner_name' in a vehicle file)."
                : $"'identity' lists {string.Join(" and ", personNames.Select(n => $"'{n}'"))}, two fields of type name; the person a row is about has one name.");
        }
        var oneOf = new List<IReadOnlyList<string>>();
        if (reader.Find(root, "required_one_of") is { } groupsNode)
        {
            if (groupsNode is not YamlSequenceNode groups)
            {
                throw reader.Error(groupsNode, "'required_one_of' must be a list of lists of field names, e.g. [[death_date, cancelled_on]].");
            }
            foreach (var group in groups.Children)
            {
                var list = group is YamlSequenceNode g ? FieldItems(reader, g, "required_one_of", names0) : throw reader.Error(group, "each item of 'required_one_of' must be a list of two or more field names.");
                if (list.Count < 2)
                {
                    throw reader.Error(group, "each item of 'required_one_of' must name two or more fields (a single required field says required: true).");
                }
                oneOf.Add(list);
            }
        }
        var filters = ReadFilters(reader, root, fields);

        return new SourceDeclaration
        {
            Id = id.Value,
            ChineseName = chinese,
            EnglishName = english,
            Department = department,
            Policy = policy,
            Key = key,
            Fields = fields,
            RequiredOneOf = oneOf,
            Filters = filters,
            Identity = identity,
            PersonName = personNames[0],
            File = file.Name,
        };
    }

    private static List<FieldDeclaration> ReadFields(YamlFileReader reader, YamlMappingNode root)
    {
        var sequence = reader.Required(root, "fields") as YamlSequenceNode
            ?? throw reader.Error(reader.Required(root, "fields"), "'fields' must be a list of fields, each a mapping of name, type, headers ….");
        var fields = new List<FieldDeclaration>();
        var spellings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode map)
            {
                throw reader.Error(item, "each item of 'fields' must be a mapping of name, type, headers and, where needed, required, codes and store.");
            }
            reader.RejectUnknown(map, FieldFields, "field property");
            var name = reader.Text(map, "name");
            if (!FieldNamePattern().IsMatch(name.Value))
            {
                throw reader.Error(name.Node, $"a field's 'name' must be snake_case (lower-case letters, digits, single underscores, e.g. id_number), found '{name.Value}'.");
            }
            if (fields.Exists(f => f.Name == name.Value))
            {
                throw reader.Error(name.Node, $"field '{name.Value}' is declared twice.");
            }
            var typeText = reader.Text(map, "type");
            if (!FieldTypes.TryParse(typeText.Value, out var type))
            {
                throw reader.Error(typeText.Node, $"'type' of field '{name.Value}' must be one of {string.Join(", ", FieldTypes.All.Select(t => t.Id()))}; found '{typeText.Value}'.");
            }
            var headersNode = reader.Sequence(map, "headers", "header spellings");
            var headers = reader.Items(headersNode, "headers", "a header spelling").Select(h =>
            {
                if (!spellings.TryAdd(h.Value, name.Value))
                {
                    throw reader.Error(h.Node, $"header '{h.Value}' is listed for fields '{spellings[h.Value]}' and '{name.Value}'; a header must name one field.");
                }
                return h.Value;
            }).ToList();
            if (headers.Count == 0)
            {
                throw reader.Error(headersNode, $"field '{name.Value}' must list at least one header spelling.");
            }
            string? codeList = null;
            IReadOnlyList<string> codeValues = [];
            var codesNode = reader.Find(map, "codes");
            if (type == FieldType.Code)
            {
                switch (codesNode)
                {
                    case null:
                        throw reader.Error(map, $"field '{name.Value}' of type code needs 'codes': the name of a code list ({string.Join(", ", CodeListNames)}) or a list of the values.");
                    case YamlScalarNode { Value: { } listName } when CodeListNames.Contains(listName.Trim(), StringComparer.Ordinal):
                        codeList = listName.Trim();
                        break;
                    case YamlScalarNode scalar:
                        throw reader.Error(scalar, $"unknown code list '{scalar.Value}' for field '{name.Value}'; expected one of {string.Join(", ", CodeListNames)}, or a list of the values.");
                    case YamlSequenceNode values:
                        codeValues = reader.Items(values, "codes", "a code value").Select(v => v.Value).Distinct(StringComparer.Ordinal).ToList();
                        if (codeValues.Count == 0)
                        {
                            throw reader.Error(values, $"'codes' of field '{name.Value}' must list at least one value.");
                        }
                        break;
                    default:
                        throw reader.Error(codesNode, $"'codes' of field '{name.Value}' must be a code list's name or a list of values.");
                }
            }
            else if (codesNode is not null)
            {
                throw reader.Error(codesNode, $"'codes' belongs only to a field of type code; '{name.Value}' is {type.Id()}.");
            }
            string? meaning = null;
            if (reader.Find(map, "meaning") is not null)
            {
                var meaningText = reader.Text(map, "meaning");
                if (!FieldMeanings.All.Contains(meaningText.Value, StringComparer.Ordinal))
                {
                    throw reader.Error(meaningText.Node, $"'meaning' of field '{name.Value}' must be one of {string.Join(", ", FieldMeanings.All)}; found '{meaningText.Value}'.");
                }
                if (type != FieldType.Date)
                {
                    throw reader.Error(meaningText.Node, $"'meaning: {meaningText.Value}' belongs to a field of type date; '{name.Value}' is {type.Id()}.");
                }
                if (fields.Exists(f => f.Meaning == meaningText.Value))
                {
                    throw reader.Error(meaningText.Node, $"'meaning: {meaningText.Value}' is given to two fields; one field has it.");
                }
                meaning = meaningText.Value;
            }
            fields.Add(new FieldDeclaration
            {
                Meaning = meaning,
                Name = name.Value,
                Type = type,
                Headers = headers,
                Required = reader.OptionalBoolean(map, "required") ?? false,
                CodeList = codeList,
                CodeValues = codeValues,
                Stored = reader.OptionalBoolean(map, "store") ?? true,
                Line = map.Start.Line,
            });
        }
        if (fields.Count == 0)
        {
            throw reader.Error(sequence, "'fields' must declare at least one field.");
        }
        if (fields.Find(f => f.Type == FieldType.ResidentId && f.Name != "id_number") is { } otherId)
        {
            throw reader.Error(sequence, $"the resident ID of the person a row is about is field 'id_number'; '{otherId.Name}' cannot be of type resident-id (declare it as text).");
        }
        return fields;
    }

    private static List<RowFilter> ReadFilters(YamlFileReader reader, YamlMappingNode root, List<FieldDeclaration> fields)
    {
        var filters = new List<RowFilter>();
        if (reader.Find(root, "filters") is not { } node)
        {
            return filters;
        }
        if (node is not YamlSequenceNode sequence)
        {
            throw reader.Error(node, "'filters' must be a list of filters, each a mapping of field, keep (or keep_codes), when_absent and otherwise.");
        }
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode map)
            {
                throw reader.Error(item, "each item of 'filters' must be a mapping of field, keep (or keep_codes), when_absent and otherwise.");
            }
            reader.RejectUnknown(map, FilterFields, "filter property");
            var field = reader.Text(map, "field");
            if (!fields.Exists(f => f.Name == field.Value))
            {
                throw reader.Error(field.Node, $"filter on '{field.Value}', which is not a declared field.");
            }
            var keepNode = reader.Find(map, "keep");
            var codesNode = reader.Find(map, "keep_codes");
            if ((keepNode is null) == (codesNode is null))
            {
                throw reader.Error(keepNode ?? codesNode ?? map, "a filter names the values it keeps either as 'keep' (a list of values) or as 'keep_codes' (the name of a code list), and not both.");
            }
            List<string> keep = [];
            string? keepCodeList = null;
            if (keepNode is not null)
            {
                keep = reader.Items(reader.Sequence(map, "keep", "values"), "keep", "a value").Select(v => v.Value).ToList();
                if (keep.Count == 0)
                {
                    throw reader.Error(map, "'keep' must list at least one value.");
                }
            }
            else
            {
                var list = reader.Text(map, "keep_codes");
                if (!CodeLists.Known.Contains(list.Value, StringComparer.Ordinal))
                {
                    throw reader.Error(list.Node, $"'keep_codes' must name a code list whose spellings are shipped ({string.Join(", ", CodeLists.Known)}); found '{list.Value}'.");
                }
                keepCodeList = list.Value;
            }
            var whenAbsent = reader.Text(map, "when_absent");
            var keepWhenAbsent = whenAbsent.Value switch
            {
                "keep" => true,
                "skip" => false,
                _ => throw reader.Error(whenAbsent.Node, $"'when_absent' must be keep or skip; found '{whenAbsent.Value}'."),
            };
            var otherwise = reader.Find(map, "otherwise") is null ? "skip" : reader.Text(map, "otherwise").Value;
            var effect = otherwise switch
            {
                "skip" => RowFilterEffect.Skip,
                "keep-as-non-evidence" => RowFilterEffect.KeepAsNonEvidence,
                _ => throw reader.Error(reader.Required(map, "otherwise"), $"'otherwise' must be skip or keep-as-non-evidence; found '{otherwise}'."),
            };
            // A row kept as no evidence is told apart again when its source is loaded, by the field's stored value:
            // that value must be the cell as read.
            if (effect == RowFilterEffect.KeepAsNonEvidence && fields.Find(f => f.Name == field.Value) is { } filtered
                && (!filtered.Stored || filtered.Type is not (FieldType.Text or FieldType.Name)))
            {
                throw reader.Error(field.Node,
                    $"a keep-as-non-evidence filter reads a stored text field (its rows are told apart when they are loaded); '{field.Value}' is {(filtered.Stored ? filtered.Type.Id() : "store: false")}.");
            }
            filters.Add(new RowFilter { Field = field.Value, Keep = keep, KeepCodeList = keepCodeList, KeepWhenAbsent = keepWhenAbsent, Otherwise = effect });
        }
        return filters;
    }

    private static List<string> FieldList(YamlFileReader reader, YamlMappingNode root, string name, HashSet<string> declared)
    {
        var sequence = reader.Sequence(root, name, "field names");
        var list = FieldItems(reader, sequence, name, declared);
        if (list.Count == 0)
        {
            throw reader.Error(sequence, $"'{name}' must list at least one declared field.");
        }
        return list;
    }

    private static List<string> FieldItems(YamlFileReader reader, YamlSequenceNode sequence, string name, HashSet<string> declared)
    {
        var list = new List<string>();
        foreach (var (node, value) in reader.Items(sequence, name, "a declared field's name"))
        {
            if (!declared.Contains(value))
            {
                throw reader.Error(node, $"'{name}' names '{value}', which is not a declared field.");
            }
            if (list.Contains(value))
            {
                throw reader.Error(node, $"'{name}' lists '{value}' twice.");
            }
            list.Add(value);
        }
        return list;
    }
}
