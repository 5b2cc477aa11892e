using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.ML.SearchSpace;

/// <summary>Writes a parameter as plain JSON and reads it back (numbers without a fraction as integers).</summary>
internal sealed class ParameterJsonConverter : JsonConverter<Parameter>
{
    public override Parameter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return FromElement(document.RootElement);
    }

    private static Parameter FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetInt64(out var l) => Parameter.FromLong(l),
        JsonValueKind.Number => Parameter.FromDouble(element.GetDouble()),
        JsonValueKind.String => Parameter.FromString(element.GetString()!),
        JsonValueKind.True or JsonValueKind.False => Parameter.FromBool(element.GetBoolean()),
        JsonValueKind.Array => Parameter.FromIEnumerable(element.EnumerateArray().Select(FromElement).ToArray()),
        JsonValueKind.Object => Parameter.CreateNestedParameter(element.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, FromElement(p.Value))).ToArray()),
        _ => throw new JsonException($"No parameter holds JSON {element.ValueKind}."),
    };

    public override void Write(Utf8JsonWriter writer, Parameter value, JsonSerializerOptions options)
    {
        switch (value.Value)
        {
            case long l: writer.WriteNumberValue(l); break;
            case float f: writer.WriteNumberValue(f); break;
            case double d: writer.WriteNumberValue(d); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case string s: writer.WriteStringValue(s); break;
            case Parameter[] items:
                writer.WriteStartArray();
                foreach (var item in items) Write(writer, item, options);
                writer.WriteEndArray();
                break;
            default:
                writer.WriteStartObject();
                foreach (var (key, child) in value)
                {
                    writer.WritePropertyName(key);
                    Write(writer, child, options);
                }
                writer.WriteEndObject();
                break;
        }
    }
}
