using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReliefMatch.Core.Periods;

/// <summary>Writes a <see cref="ReportingMonth"/> as <c>"YYYY-MM"</c> and reads it back; any other text is refused.</summary>
public sealed class ReportingMonthJsonConverter : JsonConverter<ReportingMonth>
{
    public override ReportingMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReportingMonth.TryParse(reader.GetString(), out var month)
            ? month
            : throw new JsonException($"'{reader.GetString()}' is not a month in the form YYYY-MM.");

    public override void Write(Utf8JsonWriter writer, ReportingMonth value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
