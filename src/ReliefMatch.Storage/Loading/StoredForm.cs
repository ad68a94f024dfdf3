using ReliefMatch.Core.Identity;
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

    /// <summary>The ID as its stored parts give it back (text, key, problem, the 15-digit mark), as <see cref="RecordDraft.Id"/> rebuilds it.</summary>
    public static ParsedId Id(ParsedId id, StringPool pool) =>
        new RecordDraft { IdText = Text(id.Text ?? "", pool), IdKey = id.Id?.Key, IdProblem = StoredCodes.Problem(id.Problem), IdUpgraded = id.UpgradedFrom15 }.Id;

    public static string? Optional(string? text, StringPool pool) => ColumnCodecs.NullableText.Stored(text, pool);
}
