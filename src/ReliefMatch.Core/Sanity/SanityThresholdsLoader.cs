using System.Globalization;
using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Sources;
using YamlDotNet.RepresentationModel;

namespace ReliefMatch.Core.Sanity;

/// <summary>
/// Reads <c>rules/settings/sanity.yaml</c> as strictly as a rule file: an unknown or missing field, a share outside
/// 0–1, an undeclared source or a field that is not one of its declared dates is a <see cref="RuleFileException"/>
/// naming the file and the line.
/// </summary>
public static class SanityThresholdsLoader
{
    private static readonly string[] TopLevelFields = ["row_change_share", "minimum_rows", "rejected_share_jump", "month_dates"];

    /// <param name="catalog">The declared sources <c>month_dates</c> may name; the shipped declarations unless given.</param>
    /// <exception cref="RuleFileException">The file is not valid.</exception>
    public static SanityThresholds Load(RuleFile file, SourceCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        catalog ??= SourceCatalog.Shipped;
        var reader = new YamlFileReader(file.Name, "sanity thresholds (row_change_share, minimum_rows, rejected_share_jump, month_dates)");
        var root = reader.Root(file.Text);
        reader.RejectUnknown(root, TopLevelFields, "field");
        var monthDates = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var node = reader.Required(root, "month_dates");
        if (node is not YamlMappingNode map)
        {
            throw reader.Error(node, "'month_dates' must be a mapping of source id to a list of its date fields, e.g. medical: [settled_on].");
        }
        foreach (var (keyNode, value) in map.Children)
        {
            var id = (keyNode as YamlScalarNode)?.Value ?? "";
            if (catalog.Find(id) is not { } source)
            {
                throw reader.Error(keyNode, $"'month_dates' names source '{id}', which no declaration declares; expected one of: {string.Join(", ", catalog.Sources.Select(s => s.Id))}.");
            }
            // A month field (paid_month of the payments) is dated as well: its values should be the stamped month.
            var dates = source.Fields.Where(f => f.Type is FieldType.Date or FieldType.Month).Select(f => f.Name).ToList();
            if (value is not YamlSequenceNode sequence)
            {
                throw reader.Error(value, $"'month_dates' of {id} must be a list of its date or month fields ({string.Join(", ", dates)}).");
            }
            var fields = new List<string>();
            foreach (var (item, name) in reader.Items(sequence, id, $"a date or month field of {id}"))
            {
                if (!dates.Contains(name, StringComparer.Ordinal))
                {
                    throw reader.Error(item, $"'{name}' is not a date field of {id}; expected one of: {string.Join(", ", dates)}.");
                }
                fields.Add(name);
            }
            monthDates.Add(id, fields);
        }
        return new SanityThresholds
        {
            RowChangeShare = Share(reader, root, "row_change_share"),
            MinimumRows = reader.Integer(root, "minimum_rows", min: 0, "a whole number of rows, 0 or more"),
            RejectedShareJump = Share(reader, root, "rejected_share_jump"),
            MonthDates = monthDates,
        };
    }

    private static decimal Share(YamlFileReader reader, YamlMappingNode root, string name)
    {
        const string expected = "a share between 0 and 1, such as 0.30 for 30 %";
        var (node, value) = reader.Scalar(root, name, expected);
        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var share) || share <= 0 || share >= 1)
        {
            throw reader.Error(node, $"'{name}' must be {expected}, found '{value}'.");
        }
        return share;
    }
}
