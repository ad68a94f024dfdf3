using System.Globalization;
using ReliefMatch.Core.Sources;
using ReliefMatch.SampleData.Model;
using ReliefMatch.SampleData.Output;
using ReliefMatch.SampleData.Plan;

namespace ReliefMatch.SampleData.Sources;

/// <summary>
/// A column of a file of a declared source: the declared field and which of its declared header spellings the file
/// uses (with a unit such as <c>(元)</c> or <c>(万元)</c> after it), or a column no field names (<c>序号</c>, 备注).
/// </summary>
internal sealed record Column(string Field, int Spelling = 0, string Suffix = "")
{
    /// <summary>A column the declaration does not name: <c>序号</c> numbers the rows, any other stays empty.</summary>
    public static Column Other(string header) => new("#" + header);

    public bool IsField => !Field.StartsWith('#');
}

/// <summary>How one file of a declared source looks: name, form, title rows, columns, habits, and a 合计 row.</summary>
/// <param name="SumField">The money field the 合计 row sums, if any.</param>
internal sealed record DeclaredFile(string Name, FileFormat Format, IReadOnlyList<string> Titles, IReadOnlyList<Column> Columns, FileStyle Style,
    bool Footer = false, string? SumField = null);

/// <summary>
/// Writes the files of a source that has a declaration and no record type of its own (the plan's other sources):
/// the headers are the declaration's spellings, the rows are values in the declaration's field order
/// (<see cref="NameCell"/>, <see cref="IdCell"/>, <see cref="DayCell"/>, <see cref="MonthCell"/>, <see cref="MoneyCell"/>,
/// <see cref="NumberCell"/>, text, or null for an empty cell), written with the file's habits. Plain output is one
/// UTF-8 CSV per file with every declared field under its first spelling.
/// </summary>
internal abstract class DeclaredSourceWriter : SourceWriter
{
    protected DeclaredSourceWriter(SamplePopulation population, PlanCounty plan, string outDir, string source, ulong stream)
        : base(population, outDir, source, stream)
    {
        Plan = plan;
        Declaration = SourceCatalog.Shipped.Find(source) ?? throw new InvalidOperationException($"No declaration of source {source} is shipped.");
    }

    protected PlanCounty Plan { get; }

    protected SourceDeclaration Declaration { get; }

    /// <summary>The value of a name or ID column of <paramref name="person"/>.</summary>
    protected NameCell NameOf(int person) => new(Population.Persons[person].Name);

    protected IdCell IdOf(int person, bool damaged = false) => new(Population.Persons[person].Key, damaged);

    /// <summary>The file <paramref name="plainName"/> in plain output (or without <paramref name="messy"/>), else <paramref name="messy"/>; then its rows.</summary>
    protected void WriteFile(string plainName, DeclaredFile? messy, IEnumerable<object?[]> rows)
    {
        var file = messy!;
        if (Plain || messy is null)
        {
            file = new DeclaredFile(plainName, FileFormat.CsvUtf8, [], [.. Declaration.Fields.Select(f => new Column(f.Name))], FileStyle.Plain);
        }
        var columns = file.Columns;
        var headers = columns.Select(Header).ToList();
        var fieldIndex = columns.Select(c => c.IsField ? IndexOf(c.Field) : -1).ToArray();
        var wan = columns.Select(c => c.Suffix.Contains("万元", StringComparison.Ordinal)).ToArray();
        var sumIndex = file.SumField is null ? -1 : IndexOf(file.SumField);
        var sink = file.Format == FileFormat.Xlsx ? OpenXlsx(file.Name, "Sheet1", headers) : OpenCsv(file.Name, file.Format);
        foreach (var title in file.Titles)
        {
            sink.TitleRow(title, columns.Count);
        }
        sink.HeaderRow(headers);
        long sequence = 0;
        long sum = 0;
        foreach (var row in rows)
        {
            if (row.Length != Declaration.Fields.Count)
            {
                throw new InvalidOperationException($"{Source}: a row has {row.Length} values for {Declaration.Fields.Count} declared fields.");
            }
            sink.BeginRow();
            sequence++;
            for (var c = 0; c < columns.Count; c++)
            {
                if (fieldIndex[c] < 0)
                {
                    if (columns[c].Field == "#序号")
                    {
                        sink.Integer(sequence);
                    }
                    else
                    {
                        sink.Empty();
                    }
                    continue;
                }
                Cell(sink, row[fieldIndex[c]], file.Style, wan[c]);
            }
            sink.EndRow();
            if (sumIndex >= 0 && row[sumIndex] is MoneyCell money)
            {
                sum += money.Cents;
            }
            if (file.Style.Blank(ref Style))
            {
                sink.BlankRow(columns.Count);
            }
        }
        if (file.Footer && !Plain)
        {
            var sumColumn = file.SumField is null ? -1 : columns.ToList().FindIndex(c => c.Field == file.SumField);
            Footer(sink, columns.Count, c => c == 0 ? () => sink.Text("合计") : c == sumColumn && !wan[c] ? () => sink.MoneySum(sum) : null);
        }
        Close(sink);
    }

    private int IndexOf(string field)
    {
        for (var i = 0; i < Declaration.Fields.Count; i++)
        {
            if (Declaration.Fields[i].Name == field)
            {
                return i;
            }
        }
        throw new InvalidOperationException($"{Declaration.File} declares no field {field}.");
    }

    /// <summary>The header a column has: one of the field's declared spellings, and the unit after it.</summary>
    private string Header(Column column)
    {
        if (!column.IsField)
        {
            return column.Field[1..];
        }
        var headers = Declaration.Fields[IndexOf(column.Field)].Headers;
        if (column.Spelling >= headers.Count)
        {
            throw new InvalidOperationException($"{Declaration.File}: field {column.Field} has {headers.Count} header spellings, not {column.Spelling + 1}.");
        }
        return headers[column.Spelling] + column.Suffix;
    }

    private void Cell(ExtractSink sink, object? value, FileStyle style, bool wan)
    {
        switch (value)
        {
            case null:
                sink.Empty();
                break;
            case string text:
                sink.Text(text);
                break;
            case NameCell name:
                Cells.Name(sink, name.Code, style, ref Style);
                break;
            case IdCell { Damaged: true } id when !Plain:
                sink.ExcelDamagedId(id.Key);
                break;
            case IdCell id:
                Cells.Id(sink, id.Key, style, ref Style);
                break;
            case DayCell day:
                sink.Date(day.Day, style.Date(ref Style));
                break;
            case MoneyCell money when wan:
                sink.Text((money.Cents / 1_000_000m).ToString("0.######", CultureInfo.InvariantCulture));
                break;
            case MoneyCell money:
                sink.Money(money.Cents, style.Amount(ref Style));
                break;
            case MonthCell month:
                sink.Text(MonthText(month, Plain ? 0 : Style.Next(5)));
                break;
            case NumberCell number:
                sink.Text(number.Value.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                throw new InvalidOperationException($"{Source}: no cell is written for a {value.GetType().Name}.");
        }
    }

    /// <summary>The contract's month spellings: 2023-07, 2023年7月, 202307, 2023/07, 2023.7.</summary>
    public static string MonthText(MonthCell month, int form) => form switch
    {
        0 => $"{month.Year:D4}-{month.Month:D2}",
        1 => $"{month.Year}年{month.Month}月",
        2 => $"{month.Year:D4}{month.Month:D2}",
        3 => $"{month.Year:D4}/{month.Month:D2}",
        _ => $"{month.Year}.{month.Month}",
    };

    /// <summary>
    /// The planted rows, then rows about people on no list drawn from the data stream until there are
    /// <paramref name="total"/>: what a department holds of the county at large cannot raise a finding.
    /// </summary>
    protected IEnumerable<object?[]> PlantedThenGeneral<T>(IReadOnlyList<T> planted, Func<T, object?[]> row, long total, Func<int, object?[]> general)
    {
        foreach (var item in planted)
        {
            yield return row(item);
        }
        for (long i = planted.Count; i < total; i++)
        {
            yield return general(Plan.GeneralStart + Data.Next(Plan.GeneralEnd - Plan.GeneralStart));
        }
    }

    /// <summary>The township and village of <paramref name="person"/>'s home.</summary>
    protected (string Township, string Village) PlaceOf(int person)
    {
        var village = Population.VillageOf(person);
        return (village.Township.Name, village.Name);
    }
}
