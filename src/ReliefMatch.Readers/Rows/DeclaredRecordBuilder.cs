using System.Globalization;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sources;
using ReliefMatch.Readers.Values;

namespace ReliefMatch.Readers.Rows;

/// <summary>
/// Reads a row of a source known by its declaration alone into a <see cref="DeclaredRecord"/>: every declared field
/// by its type, slot i being declared field i (<see cref="Headers.SourceLayout"/>). A value that its type does not
/// allow, or an empty cell of a required field, refuses the row with the column, the value as read and the reason.
/// </summary>
/// <remarks>
/// Types: <c>resident-id</c> through the ID parser as the typed sources read it (the ID kept as read, its problem,
/// 15 digits upgraded); <c>name</c> and <c>text</c> trimmed; <c>code</c> one value of its list, stored canonical
/// (a named list) or as listed; <c>certificate-no</c> folded as an ID is; <c>date</c> and <c>month</c> in any spelling
/// of the contract or as a spreadsheet date; <c>money</c> yuan (×10 000 under a 万元 header); <c>number</c> decimal.
/// An empty cell is null, also for amounts: a declared source says by <c>required</c> whether it may be empty.
/// A row a <c>keep-as-non-evidence</c> filter holds back is accepted and marked (<see cref="DeclaredRecord.IsEvidence"/>),
/// as the police cancellations that are no deaths are.
/// </remarks>
internal sealed class DeclaredRecordBuilder(SourceDeclaration declaration) : RecordBuilder
{
    private readonly IReadOnlyList<FieldDeclaration> fields = declaration.Fields;
    private readonly int nameSlot = IndexOf(declaration, declaration.PersonName);

    public override ExtractRecord? Build(RowCells row)
    {
        var values = new object?[fields.Count];
        var id = ParsedId.Missing;
        for (var slot = 0; slot < fields.Count; slot++)
        {
            var field = fields[slot];
            if (field.Type == FieldType.ResidentId)
            {
                id = row.Id(slot);
                if (id.Problem == IdProblem.ExcelDamaged || id.Problem == IdProblem.Missing && field.Required)
                {
                    row.RejectId(slot, id.Problem);
                    return null;
                }
                continue;
            }
            if (!Read(row, slot, field, out var value))
            {
                return null;
            }
            if (value is null && field.Required)
            {
                row.RejectEmpty(slot);
                return null;
            }
            values[slot] = value;
        }
        return new DeclaredRecord
        {
            Declaration = declaration,
            Row = row.Row,
            Name = (string?)values[nameSlot] ?? "",
            Id = id,
            Values = values,
            IsEvidence = row.Passes(RowFilterEffect.KeepAsNonEvidence),
        };
    }

    private static bool Read(RowCells row, int slot, FieldDeclaration field, out object? value)
    {
        value = null;
        if (!row.Has(slot))
        {
            return true;
        }
        switch (field.Type)
        {
            case FieldType.Date:
                var dated = row.Date(slot, out var date);
                value = date;
                return dated;
            case FieldType.Month:
                var monthly = row.Month(slot, out var month);
                value = month;
                return monthly;
        }
        var text = row.Text(slot);
        if (text is null)
        {
            return true;
        }
        switch (field.Type)
        {
            case FieldType.Name or FieldType.Text:
                value = text;
                return true;
            case FieldType.CertificateNo:
                value = Certificate(text);
                return true;
            case FieldType.Code:
                if (Code(field, text, out var code))
                {
                    value = code;
                    return true;
                }
                return row.Reject(slot, RejectionReasons.NotInCodeList(row.Columns.Header(slot)));
            case FieldType.Money:
                var paid = row.Money(slot, out var money);
                value = money;
                return paid;
            case FieldType.Number:
                var counted = row.Amount(slot, TryNumber, RejectionReasons.NotANumber, out var number);
                value = number;
                return counted;
            default:
                throw new InvalidOperationException($"{field.Name}: no reader for type {field.Type.Id()}.");
        }
    }

    /// <summary>The stored value of a code: canonical for a shipped list, else the listed value as written.</summary>
    private static bool Code(FieldDeclaration field, string text, out string? value)
    {
        value = null;
        if (field.CodeList == "sex")
        {
            // 未知/未说明 is a value of the list that says nothing: an empty cell.
            if (!SexText.TryParse(text, out var sex))
            {
                return false;
            }
            value = sex switch { Sex.Male => "male", Sex.Female => "female", _ => null };
            return true;
        }
        if (field.CodeList is { } list)
        {
            var ok = CodeLists.TryCanonical(list, text, out var canonical);
            value = canonical;
            return ok;
        }
        foreach (var listed in field.CodeValues)
        {
            if (string.Equals(listed, text, StringComparison.Ordinal))
            {
                value = listed;
                return true;
            }
        }
        return false;
    }

    /// <summary>A certificate number as an ID is normalised: full-width folded, spaces, quotes and Excel's <c>=</c> removed.</summary>
    private static string Certificate(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c0 in text)
        {
            var c = TextFolding.Fold(c0);
            if (!(char.IsWhiteSpace(c) || c is '\'' or '"' or '='))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
        }
        return sb.ToString();
    }

    private static bool TryNumber(ReadOnlySpan<char> text, out decimal value)
    {
        Span<char> folded = stackalloc char[Math.Min(text.Length, 64)];
        if (text.Length > folded.Length)
        {
            value = 0;
            return false;
        }
        for (var i = 0; i < text.Length; i++)
        {
            folded[i] = TextFolding.Fold(text[i]);
        }
        return decimal.TryParse(folded, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
    }

    private static int IndexOf(SourceDeclaration declaration, string name)
    {
        for (var i = 0; i < declaration.Fields.Count; i++)
        {
            if (declaration.Fields[i].Name == name)
            {
                return i;
            }
        }
        throw new ArgumentException($"{declaration.File}: no field '{name}'.", nameof(declaration));
    }
}
