using ReliefMatch.Storage.Records;

namespace ReliefMatch.Storage.Loading;

/// <summary>
/// A text as a text column gives it back (<see cref="ColumnCodecs.Text.Stored"/>), for the records of declared sources
/// kept from their import (<see cref="Imports.DeclaredRecordCopy.Kept"/>). A typed record's stored form is its
/// layout's (<see cref="RecordLayout{T, TDraft}.Kept"/>), column by column.
/// </summary>
internal static class StoredForm
{
    /// <summary>A text as a text column gives it back, pooled.</summary>
    public static string Text(string text, StringPool pool) => ColumnCodecs.Text.Stored(text, pool);

    public static string? Optional(string? text, StringPool pool) => ColumnCodecs.NullableText.Stored(text, pool);
}
