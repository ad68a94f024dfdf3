using System.Globalization;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Sources;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// What the checks over declared sources share: tying a record to a person, testing a rule's conditions on a record,
/// quoting a record in evidence, and placing a finding about a person.
/// </summary>
internal static class DeclaredRecords
{
    /// <summary>The plan's other sources always carry IDs: a record is a person's by exact or repaired identity only.</summary>
    public static bool IsTied(IdentityMatch match) => match.Confidence is Confidence.Exact or Confidence.Repaired;

    /// <summary>The fields a rule's conditions need a column of for the month (the others pass without one).</summary>
    public static IEnumerable<DeclaredField> NeededFields(string source, IEnumerable<RecordCondition> conditions) =>
        conditions.Where(c => c.NeedsColumn).Select(c => new DeclaredField(source, c.Field)).Distinct();

    /// <summary>The programme a payment's item names: the roster's spellings (农村低保, …) or the canonical ids.</summary>
    public static Programme? ProgrammeOf(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return null;
        }
        if (CodeLists.TryProgramme(cell, out var programme))
        {
            return programme;
        }
        foreach (var p in Enum.GetValues<Programme>())
        {
            if (string.Equals(p.Id(), cell.Trim(), StringComparison.Ordinal))
            {
                return p;
            }
        }
        return null;
    }

    /// <summary>
    /// The test of every condition on a record of <paramref name="table"/>, for P. A rule naming a field its source does
    /// not declare, or a test that does not fit the field's type, is a broken configuration: the message names both files.
    /// </summary>
    public static Func<int, bool> Compile(IReadOnlyList<RecordCondition> conditions, DeclaredTable table, ReportingMonth period, Rule rule)
    {
        var tests = conditions.Select(c => Compile(c, table, period, rule)).ToArray();
        return tests.Length switch
        {
            0 => static _ => true,
            1 => tests[0],
            _ => row =>
            {
                foreach (var test in tests)
                {
                    if (!test(row))
                    {
                        return false;
                    }
                }
                return true;
            },
        };
    }

    private static Func<int, bool> Compile(RecordCondition condition, DeclaredTable table, ReportingMonth period, Rule rule)
    {
        var field = Field(table, condition.Field, rule);
        if (!table.HasField(condition.Field) && (condition.PassesWithoutColumn || condition.EmptyPasses))
        {
            return static _ => true;
        }
        var empty = condition.EmptyPasses;
        var words = condition.Words;
        switch (condition.Test)
        {
            case ConditionTest.AtLeast when field.Type is FieldType.Money or FieldType.Number:
            {
                var column = table.Amounts(condition.Field);
                var min = condition.Number;
                return row => column[row] is { } v ? v >= min : empty;
            }
            case ConditionTest.WithinMonths or ConditionTest.ByPeriodEnd when field.Type == FieldType.Date:
            {
                var column = table.Dates(condition.Field);
                var from = condition.Test == ConditionTest.WithinMonths ? period.First.AddMonths(-(condition.Months - 1)) : DateOnly.MinValue;
                var to = period.Last;
                return row => column[row] is { } d ? d >= from && d <= to : empty;
            }
            case ConditionTest.WithinMonths or ConditionTest.ByPeriodEnd when field.Type == FieldType.Month:
            {
                var column = table.Months(condition.Field);
                var from = condition.Test == ConditionTest.WithinMonths ? period.Ordinal - (condition.Months - 1) : int.MinValue;
                var to = period.Ordinal;
                return row => column[row] is { } m ? m.Ordinal >= from && m.Ordinal <= to : empty;
            }
            case ConditionTest.EqualTo or ConditionTest.In or ConditionTest.NotIn or ConditionTest.ContainsAnyOf or ConditionTest.ContainsNoneOf
                when DeclaredTable.ValueType(field.Type) == typeof(string):
            {
                var column = table.Text(condition.Field);
                Func<string, bool> test = condition.Test switch
                {
                    ConditionTest.EqualTo or ConditionTest.In => v => words.Contains(v, StringComparer.Ordinal),
                    ConditionTest.NotIn => v => !words.Contains(v, StringComparer.Ordinal),
                    ConditionTest.ContainsAnyOf => v => words.Any(w => v.Contains(w, StringComparison.Ordinal)),
                    _ => v => !words.Any(w => v.Contains(w, StringComparison.Ordinal)),
                };
                return row => column[row] is { } v && v.Trim() is { Length: > 0 } t ? test(t) : empty;
            }
            default:
                throw new InvalidOperationException(
                    $"Rule {rule.Id} ({rule.File}): a '{condition.Test}' condition does not fit field '{condition.Field}' of source {table.SourceId}, which is of type {field.Type.Id()}.");
        }
    }

    /// <summary>The declared field <paramref name="name"/> of the table's source; a rule naming an undeclared one is a broken configuration.</summary>
    public static FieldDeclaration Field(DeclaredTable table, string name, Rule rule) =>
        table.Declaration.Field(name)
        ?? throw new InvalidOperationException($"Rule {rule.Id} ({rule.File}) reads field '{name}' which source {table.SourceId} ({table.Declaration.File}) does not declare.");

    /// <summary>A cell as evidence quotes it: dates yyyy-MM-dd, months yyyy-MM, money with two decimals; "" when empty.</summary>
    public static string Cell(DeclaredTable table, string field, int row) => table.Value(field, row) switch
    {
        null => "",
        string s when table.Declaration.Field(field)!.CodeList == "programme" && ProgrammeOf(s) is { } programme => programme.Chinese(),
        string s => s.Trim(),
        DateOnly d => EvidenceText.Date(d),
        ReportingMonth m => m.ToString(),
        decimal v when table.Declaration.Field(field)!.Type == FieldType.Money => EvidenceText.Money(v) + " 元",
        decimal v => v.ToString(CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };

    /// <summary>
    /// <c>机动车登记：张三 号牌号码 桂C12345，车辆类型 小型轿车</c>: the source, the holder's name and each shown field by its
    /// first header, with how the record was tied when not exactly.
    /// </summary>
    public static string Describe(DeclaredTable table, int row, IEnumerable<string> show, Confidence confidence)
    {
        var parts = show.Select(f => (Header: table.Declaration.Field(f)?.Headers[0] ?? f, Value: Cell(table, f, row)))
            .Where(p => p.Value.Length > 0).Select(p => $"{p.Header} {p.Value}");
        var note = confidence == Confidence.Repaired ? $"（身份证号“{ResidentId.Mask(table.Ids[row].Text)}”有误，按相近号码和姓名匹配）" : "";
        return $"{table.Declaration.ChineseName}：{table.Names[row]} {string.Join("，", parts)}{note}";
    }

    public static Evidence EvidenceOf(DeclaredTable table, int row, string text) =>
        new(SourceRef.Of(table.Declaration), table.ExtractIds[row], table.Rows[row], text);

    /// <summary>The value of a text field of the record, trimmed; "" when the source does not declare it or the cell is empty.</summary>
    public static string TextOrEmpty(DeclaredTable table, string field, int row) =>
        table.Declaration.Field(field) is { } f && DeclaredTable.ValueType(f.Type) == typeof(string) ? table.Text(field)[row]?.Trim() ?? "" : "";

    /// <summary>
    /// Where a finding about <paramref name="person"/> goes (docs/rules.md): the home-county household the person is on
    /// (the first enrolled home row, else the first home row); else the township the source row gives; else that of the
    /// person's monitoring record.
    /// </summary>
    public static (string HouseholdId, string Township, string Village, string Name) Place(MonthEvaluation month, int person, DeclaredTable? table, int row)
    {
        var home = month.HomeRowOf(person);
        if (home >= 0)
        {
            var r = month.Data.Roster[home];
            return (r.HouseholdId.Trim(), r.Township, r.Village ?? "", r.Name);
        }
        var name = month.Index.DisplayName(person);
        if (table is not null && TextOrEmpty(table, "township", row) is { Length: > 0 } township)
        {
            return ("", township, TextOrEmpty(table, "village", row), name);
        }
        return month.MonitoringPlace(person) is { } place ? ("", place.Township, place.Village, name) : ("", "", "", name);
    }
}
