using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;
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

    public bool Has(int slot) => Columns.Has(slot);

    /// <summary>Whether the row passes every declared row filter of the given effect (a file without the column passes as the filter says).</summary>
    public bool Passes(RowFilterEffect effect)
    {
        foreach (var (slot, filter) in Columns.Layout.Filters)
        {
            if (filter.Otherwise == effect && !filter.Passes(Text(slot), Has(slot)))
            {
                return false;
            }
        }
        return true;
    }

    public bool IsBlank(ExtractField field) => Table.Text(Columns[field]).IsEmpty;

    public string? Text(ExtractField field) => Text((int)field);

    /// <summary>The trimmed text, or <c>null</c> when the column is absent or the cell blank.</summary>
    public string? Text(int slot)
    {
        var c = Columns[slot];
        if (c < 0)
        {
            return null;
        }
        var s = Table.String(c);
        return s.Length == 0 ? null : s;
    }

    public bool RequiredText(ExtractField field, out string value) => RequiredText((int)field, out value);

    public bool RequiredText(int slot, out string value)
    {
        value = Text(slot) ?? "";
        return value.Length > 0 || RejectEmpty(slot);
    }

    /// <summary>Rejects the row because the slot's required cell is empty; always false.</summary>
    public bool RejectEmpty(int slot) => Reject(slot, RejectionReasons.Empty(Columns.Header(slot)));

    public bool Date(ExtractField field, out DateOnly? value) => Date((int)field, out value);

    /// <summary>A date cell: text in any contract spelling, a spreadsheet date, or a number typed into a date column.</summary>
    public bool Date(int slot, out DateOnly? value)
    {
        value = null;
        var field = slot;
        var c = Columns[slot];
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
            return Reject(field, RejectionReasons.NotADate);
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
        return Reject(field, RejectionReasons.NotADate);
    }

    /// <summary>
    /// A month cell: text in any spelling of a month (<c>2023-07</c>, <c>2023年7月</c>, <c>202307</c>, <c>2023/07</c>,
    /// <c>2023.7</c>) or of a date (its month), a spreadsheet date, or a number <c>202307</c>.
    /// </summary>
    public bool Month(int slot, out ReportingMonth? value)
    {
        value = null;
        var c = Columns[slot];
        if (c < 0)
        {
            return true;
        }
        if (Table.TryNumber(c, out var n) && n == Math.Floor(n) && n is >= DateText.MinYear * 100 + 1 and <= DateText.MaxYear * 100 + 12
            && (int)n % 100 is >= 1 and <= 12)
        {
            value = new ReportingMonth((int)n / 100, (int)n % 100);
            return true;
        }
        if (!Date(slot, out var date))
        {
            Rejection = Rejection! with { Reason = RejectionReasons.NotAMonth };
            return false;
        }
        value = date is { } d ? ReportingMonth.Of(d) : null;
        return true;
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
            return Reject(field, RejectionReasons.Empty(Columns.Header(field)));
        }
        value = d.Value;
        return true;
    }

    /// <summary>An amount: <c>null</c> when the file has no such column, 0 for a blank cell (the contract's "empty means 0").</summary>
    public bool Money(ExtractField field, out decimal? value) => Money((int)field, out value);

    /// <summary>
    /// An amount: <c>null</c> when the file has no such column, 0 for a blank cell (the contract's "empty means 0");
    /// multiplied by 10 000 when the column's header said 万元.
    /// </summary>
    public bool Money(int slot, out decimal? value)
    {
        if (!Amount(slot, MoneyText.TryParse, RejectionReasons.NotMoney, out value))
        {
            return false;
        }
        if (Columns.IsTenThousand(slot) && value is { } yuan)
        {
            value = yuan * 10_000m;
        }
        return true;
    }

    public delegate bool AmountParser(ReadOnlySpan<char> text, out decimal value);

    /// <summary>
    /// A number cell (a spreadsheet number, or text <paramref name="parse"/> reads); 0 for a blank cell, null without the
    /// column; <paramref name="reason"/> says why a cell that is neither is refused.
    /// </summary>
    public bool Amount(int slot, AmountParser parse, string reason, out decimal? value)
    {
        var field = slot;
        value = null;
        var c = Columns[slot];
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
        if (parse(text, out var m))
        {
            value = m;
            return true;
        }
        return Reject(field, reason);
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
        return Reject(field, RejectionReasons.NotInCodeList(Columns.Header(field)));
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
            return Reject(field, RejectionReasons.Empty(Columns.Header(field)));
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
            || Reject(ExtractField.Sex, RejectionReasons.NotInCodeList(Columns.Header(ExtractField.Sex)));
    }

    /// <summary>
    /// The ID cell through <see cref="ResidentIdParser"/>: a numeric spreadsheet cell through
    /// <see cref="ResidentIdParser.ParseNumber"/>, which refuses the digits Excel lost.
    /// </summary>
    public ParsedId Id(ExtractField field) => Id((int)field);

    public ParsedId Id(int slot)
    {
        var c = Columns[slot];
        if (c < 0)
        {
            return ParsedId.Missing;
        }
        return Table.TryNumber(c, out var n) ? ResidentIdParser.ParseNumber(n) : ResidentIdParser.Parse(Table.Text(c));
    }

    /// <summary>Rejects the row for an ID problem of the given column; always false.</summary>
    public bool RejectId(ExtractField field, IdProblem problem) => Reject(field, problem.Describe());

    public bool RejectId(int slot, IdProblem problem) => Reject(slot, problem.Describe());

    public bool Reject(ExtractField field, string reason) => Reject((int)field, reason);

    /// <summary>Records the rejection of the row at the slot's column; always returns false.</summary>
    public bool Reject(int slot, string reason)
    {
        var c = Columns[slot];
        Rejection = new RejectedRow(Row, Columns.Header(slot), c >= 0 ? Table.AsRead(c) : "", reason);
        return false;
    }
}
