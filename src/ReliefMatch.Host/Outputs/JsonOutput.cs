using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReliefMatch.Host.Outputs;

/// <summary>
/// The one JSON dialect of the outputs: UTF-8 without BOM, indented by two spaces, LF line ends whatever the
/// platform, Chinese left readable, and a final newline.
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // The outputs are files for people and scripts, never embedded in HTML: readable Chinese is worth more.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(Stream output, Action<Utf8JsonWriter> write)
    {
        using (var json = new Utf8JsonWriter(output, Options))
        {
            write(json);
        }
        output.WriteByte((byte)'\n');
    }
}
