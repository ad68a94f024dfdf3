using ReliefMatch.Core.Identity;

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
    public ParsedId Id => IdText.Length == 0 && IdKey is null
        ? ParsedId.Missing with { UpgradedFrom15 = IdUpgraded }
        : StoredCodes.Id(IdText, IdKey, IdProblem, IdUpgraded);
}
