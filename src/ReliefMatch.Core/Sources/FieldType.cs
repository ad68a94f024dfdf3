namespace ReliefMatch.Core.Sources;

/// <summary>How a declared field's cells are read (the <c>type</c> of a field of a source declaration).</summary>
public enum FieldType
{
    /// <summary><c>resident-id</c>: an 18- or 15-digit 身份证号, repaired and checked by the ID parser.</summary>
    ResidentId = 1,

    /// <summary><c>name</c>: a person's name, compared after the name folding of the matching engine.</summary>
    Name,

    /// <summary><c>text</c>: kept as read (trimmed).</summary>
    Text,

    /// <summary><c>code</c>: one value of the field's code list.</summary>
    Code,

    /// <summary><c>date</c>: a calendar date in any spelling of the contract, or a spreadsheet date.</summary>
    Date,

    /// <summary><c>month</c>: a reporting month (<c>2023-07</c>, <c>2023年7月</c>, <c>202307</c>, … or a date).</summary>
    Month,

    /// <summary><c>money</c>: yuan, as decimal; a header that says 万元 multiplies the values by 10 000.</summary>
    Money,

    /// <summary><c>number</c>: a decimal number.</summary>
    Number,

    /// <summary><c>certificate-no</c>: a certificate number, normalised as an ID is (full-width folded, Excel prefixes removed).</summary>
    CertificateNo,
}

/// <summary>The spelling of each <see cref="FieldType"/> in source declarations.</summary>
public static class FieldTypes
{
    public static IReadOnlyList<FieldType> All { get; } = Enum.GetValues<FieldType>();

    public static string Id(this FieldType type) => Ids[(int)type - 1];

    public static bool TryParse(string? id, out FieldType type)
    {
        var i = Array.IndexOf(Ids, id);
        type = i < 0 ? default : (FieldType)(i + 1);
        return i >= 0;
    }

    private static readonly string[] Ids = ["resident-id", "name", "text", "code", "date", "month", "money", "number", "certificate-no"];
}
