using System.Security.Cryptography;
using System.Text;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Sources;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Readers;
using ReliefMatch.Storage.Imports;

namespace ReliefMatch.Host.Web.Uploads;

/// <summary>
/// Saves an uploaded extract into the drop folder under its source's sub-folder (docs/sources.md, "Where files
/// go"), so that the drop folder stays the one record of what arrived. The source is the one the officer chose,
/// else the one the file's header row names. A file of the same name already there is never overwritten: the
/// same bytes are left as they are, other bytes get a numbered name. Any source the installation declares (the shipped
/// ones and the county's own) is recognised by its declared header spellings. A name too long for the file system is
/// stored under a generated one (<see cref="StoredName"/>), the original kept beside it for the page to show.
/// </summary>
public sealed class ExtractUploadSaver(WorkplaceSettings settings)
{
    /// <summary>Where uploads wait while their source is recognised; not a source folder, so imports never see it.</summary>
    private const string Staging = ".uploads";

    /// <summary>
    /// The longest name (in UTF-8 bytes) stored as uploaded: Linux allows 255 bytes, and a numbered name
    /// (<c> (2)</c>) or a move aside to <c>refused/</c> may add to it.
    /// </summary>
    public const int MaxNameBytes = 160;

    /// <summary>How much of a too-long name's stem the generated name keeps, in UTF-8 bytes.</summary>
    private const int KeptStemBytes = 60;

    /// <param name="catalog">The installation's sources, among which a file's source is recognised when none is chosen.</param>
    public async Task<(SavedExtract? Saved, string? Problem)> SaveAsync(string fileName, Stream content, SourceRef? chosen, SourceCatalog catalog, CancellationToken cancellationToken)
    {
        var original = Path.GetFileName(fileName.Replace('\\', '/'));
        var name = StoredName(original);
        var renamed = name == OutputNames.File(original) ? null : original;
        var extension = Path.GetExtension(name);
        if (!extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "只接受 CSV 或 XLSX 文件。");
        }
        var staging = Directory.CreateDirectory(Path.Combine(settings.Inbox, Staging)).FullName;
        var temporary = Path.Combine(staging, Guid.NewGuid().ToString("N") + extension.ToLowerInvariant());
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            var source = chosen;
            if (source is null)
            {
                try
                {
                    source = ExtractReader.Recognise(temporary, catalog, settings.Installation.ReaderOptions);
                }
                catch (ExtractRefusedException e)
                {
                    return (null, e.Reason);
                }
                if (source is null)
                {
                    return (null, "无法从表头识别数据来源，请在“数据来源”中选定后再上传。");
                }
            }

            var folder = Directory.CreateDirectory(Path.Combine(settings.Inbox, source.Value.Id)).FullName;
            var (hash, _) = await ExtractImporter.HashAsync(temporary, cancellationToken);
            var stem = Path.GetFileNameWithoutExtension(name);
            for (var n = 1; ; n++)
            {
                var candidate = n == 1 ? name : $"{stem} ({n}){extension}";
                var target = Path.Combine(folder, candidate);
                if (File.Exists(target))
                {
                    if ((await ExtractImporter.HashAsync(target, cancellationToken)).Sha256 == hash)
                    {
                        return (new SavedExtract(source.Value, target, $"{source.Value.Id}/{candidate}", renamed), null);
                    }
                    continue;
                }
                try
                {
                    File.Move(temporary, target, overwrite: false);
                }
                catch (IOException) when (File.Exists(target))
                {
                    // Another upload took the name a moment ago: try the next one.
                    continue;
                }
                return (new SavedExtract(source.Value, target, $"{source.Value.Id}/{candidate}", renamed), null);
            }
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// The name a file is stored under: the uploaded one made safe, or, when that is longer than
    /// <see cref="MaxNameBytes"/>, the start of its stem, a hash of the whole name (so that two long names that
    /// start alike stay apart) and its extension.
    /// </summary>
    public static string StoredName(string uploaded)
    {
        var safe = OutputNames.File(uploaded);
        if (Encoding.UTF8.GetByteCount(safe) <= MaxNameBytes)
        {
            return safe;
        }
        var extension = Path.GetExtension(safe);
        if (Encoding.UTF8.GetByteCount(extension) > 16)
        {
            extension = "";
        }
        var stem = new StringBuilder();
        var bytes = 0;
        foreach (var rune in Path.GetFileNameWithoutExtension(safe).EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (bytes > KeptStemBytes)
            {
                break;
            }
            stem.Append(rune.ToString());
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(uploaded)))[..12];
        return $"{stem.ToString().TrimEnd()}…{hash}{extension}";
    }
}
