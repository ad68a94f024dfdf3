using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Sources;
using ReliefMatch.Readers.Headers;
using ReliefMatch.Readers.Tables;
using ReliefMatch.Readers.Values;

namespace ReliefMatch.Readers.Rows;

/// <summary>
/// The current row seen through the file's <see cref="ColumnMap"/>: typed reads of fields that, on bad input,
/// record the rejection (column as the file spells it, value as read, reason) and return false.
/// </summary>
internal sealed class RowCells(TableSource table, ColumnMap columns)
{
    public delegate bool CodeParser<T>(string text, out T value);

    public TableSource Table { get; } = table;

    public ColumnMap Columns { get; } = columns;

    public int Row => Table.Row;

    /// <summary>Set when the last build refused the row.</summary>
    public RejectedRow? Rejection { get; private set; }

    public void Begin() => Rejection = null;

    public bool Has(ExtractField field) => Columns.Has(field);

    /// <summary>Whether the row passes every declared row filter of the given effect (a file without the column passes as the filter says).</summary>
    public bool Passes(RowFilterEffect effect)
    {
        foreach (var (field, filter) in Columns.Layout.Filters)
        {
            if (filter.Otherwise == effect && !filter.Passes(Text(field), Has(field)))
            {
                return false;
            }
        }
        return true;
    }

    public bool IsBlank(ExtractField field) => Table.Text(Columns[field]).IsEmpty;

    /// <summary>The trimmed text, or <c>null</c> when the column is absent or the cell blank.</summary>
    public string? Text(ExtractField field)
    {
        var c = Columns[field];
        if (c < 0)
        {
            return null;
        }
        var s = Table.String(c);
        return s.Length == 0 ? null : s;
    }

    public bool RequiredText(ExtractField field, out string value)
    {
        value = Text(field) ?? "";
        return value.Length > 0 || Reject(field, RejectionReasons.Empty(Columns.Header(field), field));
    }

    /// <summary>A date cell: text in any contract spelling, a spreadsheet date, or a number typed into a date column.</summary>
    public bool Date(ExtractField field, out DateOnly? value)
    {
        value = null;
        var c = Columns[field];
        if (c < 0)
        {
            return true;
        }
        if (Table.TryDateTime(c, out var t))
        {
            value = DateOnly.FromDateTime(t);
            return true;
        }
        if (Table.TryNumber(c, out var n))
        {
            if (ExcelSerialDate.TryConvert(n, out var d))
            {
                value = d;
                return true;
            }
            return Reject(field, RejectionReasons.NotADate(field));
        }
        var text = Table.Text(c);
        if (text.IsEmpty)
        {
            return true;
        }
        if (DateText.TryParse(text, out var parsed))
        {
            value = parsed;
            return true;
        }
        return Reject(field, RejectionReasons.NotADate(field));
    }

    public bool RequiredDate(ExtractField field, out DateOnly value)
    {
        value = default;
        if (!Date(field, out var d))
        {
            return false;
        }
        if (d is null)
        {
            return Reject(field, RejectionReasons.Empty(Columns.Header(field), field));
        }
        value = d.Value;
        return true;
    }

    /// <summary>An amount: <c>null</c> when the file has no such column, 0 for a blank cell (the contract's "empty means 0").</summary>
    public bool Money(ExtractField field, out decimal? value)
    {
        value = null;
        var c = Columns[field];
        if (c < 0)
        {
            return true;
        }
        if (Table.TryNumber(c, out var n))
        {
            // A spreadsheet keeps numbers as doubles; decimal's conversion rounds to 15 significant digits,
            // which turns formula results such as 1234.4999999999998 back into the 1234.5 that was meant.
            value = (decimal)n;
            return true;
        }
        var text = Table.Text(c);
        if (text.IsEmpty)
        {
            value = 0m;
            return true;
        }
        if (MoneyText.TryParse(text, out var m))
        {
            value = m;
            return true;
        }
        return Reject(field, RejectionReasons.NotMoney(field));
    }

    /// <summary>A code-list value; <c>null</c> when absent or blank.</summary>
    public bool Code<T>(ExtractField field, CodeParser<T> parse, out T? value)
        where T : struct
    {
        value = null;
        var text = Text(field);
        if (text is null)
        {
            return true;
        }
        if (parse(text, out var v))
        {
            value = v;
            return true;
        }
        return Reject(field, RejectionReasons.NotInCodeList(Columns.Header(field), field));
    }

    public bool RequiredCode<T>(ExtractField field, CodeParser<T> parse, out T value)
        where T : struct
    {
        value = default;
        if (!Code(field, parse, out var v))
        {
            return false;
        }
        if (v is null)
        {
            return Reject(field, RejectionReasons.Empty(Columns.Header(field), field));
        }
        value = v.Value;
        return true;
    }

    /// <summary>性别: <c>null</c> when absent, blank or stated as unknown.</summary>
    public bool Sex(out Sex? value)
    {
        value = null;
        var text = Text(ExtractField.Sex);
        return text is null || SexText.TryParse(text, out value)
            || Reject(ExtractField.Sex, RejectionReasons.NotInCodeList(Columns.Header(ExtractField.Sex), ExtractField.Sex));
    }

    /// <summary>
    /// The ID cell through <see cref="ResidentIdParser"/>: a numeric spreadsheet cell through
    /// <see cref="ResidentIdParser.ParseNumber"/>, which refuses the digits Excel lost.
    /// </summary>
    public ParsedId Id(ExtractField field)
    {
        var c = Columns[field];
        if (c < 0)
        {
            return ParsedId.Missing;
        }
        return Table.TryNumber(c, out var n) ? ResidentIdParser.ParseNumber(n) : ResidentIdParser.Parse(Table.Text(c));
    }

    /// <summary>Rejects the row for an ID problem of the given column; always false.</summary>
    public bool RejectId(ExtractField field, IdProblem problem) => Reject(field, problem.Describe());

    /// <summary>Records the rejection of the row at the field's column; always returns false.</summary>
    public bool Reject(ExtractField field, string reason)
    {
        var c = Columns[field];
        Rejection = new RejectedRow(Row, Columns.Header(field), c >= 0 ? Table.AsRead(c) : "", reason);
        return false;
    }
}
