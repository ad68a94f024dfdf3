namespace ReliefMatch.Host.Web;

/// <summary>
/// Endpoint metadata: the POST takes files, up to the size <see cref="WorkplaceSettings"/> allows for this
/// kind of upload. A form without it is held to <see cref="FormGuard.FormBytes"/>.
/// </summary>
public sealed record UploadLimit(bool Extracts)
{
    /// <summary>Departmental extracts (<see cref="WorkplaceSettings.MaxExtractUploadBytes"/>).</summary>
    public static UploadLimit ExtractFiles { get; } = new(true);

    /// <summary>A returned worklist (<see cref="WorkplaceSettings.MaxReturnUploadBytes"/>).</summary>
    public static UploadLimit Returns { get; } = new(false);

    public long Bytes(WorkplaceSettings settings) => Extracts ? settings.MaxExtractUploadBytes : settings.MaxReturnUploadBytes;
}
