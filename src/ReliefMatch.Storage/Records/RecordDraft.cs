using ReliefMatch.Core.Identity;
using ReliefMatch.Storage.Loading;

namespace ReliefMatch.Storage.Records;

/// <summary>
/// What every stored record has, as the loader reads it back before the record is built: the extract and row it
/// came from, the person's name, and the ID in its stored parts (the text as read, the 17-digit key when valid, the
/// problem when not, whether a 15-digit ID was upgraded).
/// </summary>
internal class RecordDraft
{
    public long ExtractId;
    public int Row;
    public string Name = "";
    public string IdText = "";
    public long? IdKey;
    public string? IdProblem;
    public bool IdUpgraded;

    /// <summary>The parsed ID rebuilt from its stored parts without parsing again.</summary>
    public ParsedId Id => FromParts(IdText, IdKey, IdProblem, IdUpgraded);

    /// <summary>
    /// An ID just parsed as its stored parts give it back (the text as a text column stores it, pooled; key, problem and
    /// the 15-digit mark): for records kept from their import that have no layout of their own (the declared sources).
    /// </summary>
    public static ParsedId Stored(ParsedId id, StringPool pool) =>
        FromParts(ColumnCodecs.Text.Stored(id.Text ?? "", pool), id.Id?.Key, StoredCodes.Problem(id.Problem), id.UpgradedFrom15);

    private static ParsedId FromParts(string text, long? key, string? problem, bool upgraded) => text.Length == 0 && key is null
        ? ParsedId.Missing with { UpgradedFrom15 = upgraded }
        : StoredCodes.Id(text, key, problem, upgraded);
}
