using System.Text.Json;
using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Host.Outputs;

/// <summary>
/// <c>imports.json</c> and the output of <c>import --json</c>: what reading each extract file found, files in
/// ordinal order of their path, rejected rows in row order. <c>refused</c> appears only for a refused file.
/// </summary>
public static class ImportsJsonWriter
{
    public static void Write(Stream output, IEnumerable<FileReport> files) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("files");
        foreach (var file in files.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Source))
        {
            WriteFile(json, file);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static void WriteFile(Utf8JsonWriter json, FileReport file)
    {
        json.WriteStartObject();
        json.WriteString("file", file.File);
        json.WriteString("source", file.Source.Id());
        json.WriteString("encoding", file.Encoding);
        json.WriteNumber("rows", file.RowsRead);
        json.WriteNumber("accepted", file.Accepted);
        json.WriteNumber("rejected", file.Rejected);
        json.WriteNumber("skipped", file.Skipped);
        json.WriteBoolean("already_imported", file.AlreadyImported);
        if (file.RefusedReason is not null)
        {
            json.WriteString("refused", file.RefusedReason);
        }
        json.WriteStartArray("rejects");
        foreach (var reject in file.Rejects.OrderBy(r => r.Row))
        {
            json.WriteStartObject();
            json.WriteNumber("row", reject.Row);
            json.WriteString("column", reject.Column);
            json.WriteString("value", reject.Value);
            json.WriteString("reason", reject.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
