using System.Text.Json;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Sanity;

namespace ReliefMatch.Host.Outputs;

/// <summary>
/// <c>imports.json</c> and the output of <c>import --json</c>: what reading each extract file found, files in
/// ordinal order of their path, rejected rows in row order. <c>refused</c> appears only for a refused file. A file
/// imported before reports the rows rejected when it was stored. ID numbers among the rejected values are masked
/// 6+4 (the rest of the value kept) unless full IDs are asked for.
/// </summary>
public static class ImportsJsonWriter
{
    /// <param name="alreadyImported">
    /// Whether each file says if this command stored it (<c>already_imported</c>): <c>import --json</c> does; a run's
    /// <c>imports.json</c> does not, so that running a month again writes the same bytes.
    /// </param>
    /// <param name="checks">
    /// The extract sanity warnings of the months imported: a <c>checks</c> array after the files, each naming the check,
    /// source, month, file, figure and previous figure with the sentence in Chinese; left out when there are none.
    /// </param>
    public static void Write(Stream output, IEnumerable<FileReport> files, bool alreadyImported = true, bool fullIds = false,
        IReadOnlyList<SanityWarning>? checks = null) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("files");
        foreach (var file in files.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Source))
        {
            WriteFile(json, file, alreadyImported, fullIds);
        }
        json.WriteEndArray();
        if (checks is { Count: > 0 })
        {
            json.WriteStartArray("checks");
            foreach (var check in checks)
            {
                json.WriteStartObject();
                json.WriteString("check", check.Check.Id());
                json.WriteString("source", check.Source);
                json.WriteString("period", check.Period.ToString());
                json.WriteString("file", check.File);
                json.WriteString("figure", check.Figure);
                json.WriteString("previous", check.Previous);
                json.WriteString("message", check.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    });

    private static void WriteFile(Utf8JsonWriter json, FileReport file, bool alreadyImported, bool fullIds)
    {
        json.WriteStartObject();
        json.WriteString("file", file.File);
        json.WriteString("source", file.Source.Id);
        json.WriteString("encoding", file.Encoding);
        json.WriteNumber("rows", file.RowsRead);
        json.WriteNumber("accepted", file.Accepted);
        json.WriteNumber("rejected", file.Rejected);
        json.WriteNumber("skipped", file.Skipped);
        if (alreadyImported)
        {
            json.WriteBoolean("already_imported", file.AlreadyImported);
        }
        if (file.RefusedReason is not null)
        {
            json.WriteString("refused", file.RefusedReason);
        }
        json.WriteStartArray("rejects");
        foreach (var reject in file.Rejects.OrderBy(r => r.Row).ThenBy(r => r.Column, StringComparer.Ordinal)
                     .ThenBy(r => r.Value, StringComparer.Ordinal).ThenBy(r => r.Reason, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteNumber("row", reject.Row);
            json.WriteString("column", reject.Column);
            json.WriteString("value", fullIds ? reject.Value : IdText.MaskIds(reject.Value));
            json.WriteString("reason", reject.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
