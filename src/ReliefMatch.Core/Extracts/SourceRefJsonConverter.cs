using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReliefMatch.Core.Extracts;

/// <summary>A <see cref="SourceRef"/> in JSON is its id (<c>"police-deaths"</c>, <c>"cremation"</c>): what evidence stores.</summary>
public sealed class SourceRefJsonConverter : JsonConverter<SourceRef>
{
    public override SourceRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { Length: > 0 } id ? SourceRef.Of(id) : throw new JsonException("A source reference must be a source id.");

    public override void Write(Utf8JsonWriter writer, SourceRef value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Id);
    }
}
