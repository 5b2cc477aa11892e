using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.ML.NasTuners;

/// <summary>Writes a <see cref="Parameter"/> as plain JSON (numbers, strings, Booleans, objects) and reads it back.
/// A number without fraction or exponent that fits a 64-bit integer reads back as an integer.</summary>
public sealed class ParameterJsonConverter : JsonConverter<Parameter>
{
    /// <inheritdoc />
    public override Parameter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                var span = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
                var looksIntegral = !span.Any(b => b is (byte)'.' or (byte)'e' or (byte)'E');
                if (looksIntegral && reader.TryGetInt64(out var l)) return Parameter.FromInt(l);
                // System.Text.Json reads 1e999 as infinity; a parameter holds finite numbers only.
                if (!reader.TryGetDouble(out var d) || !double.IsFinite(d))
                    throw new JsonException($"The number {System.Text.Encoding.UTF8.GetString(span)} is not a finite double.");
                return Parameter.FromDouble(d);
            case JsonTokenType.String:
                return Parameter.FromString(reader.GetString()!);
            case JsonTokenType.True:
            case JsonTokenType.False:
                return Parameter.FromBool(reader.GetBoolean());
            case JsonTokenType.StartObject:
                var result = Parameter.CreateNestedParameter();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    // A repeated key would silently keep one of two values; which one the writer meant is unknown.
                    if (result.ContainsKey(key))
                        throw new JsonException($"The key '{key}' appears twice in one object.");
                    result[key] = Read(ref reader, typeToConvert, options);
                }
                return result;
            default:
                throw new JsonException($"A parameter cannot be read from JSON token {reader.TokenType}.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Parameter value, JsonSerializerOptions options)
    {
        switch (value.Type)
        {
            case ParameterType.Integer:
            case ParameterType.Float:
            case ParameterType.Number:
                writer.WriteRawValue(value.FormatNumber(), skipInputValidation: true);
                break;
            case ParameterType.String:
                writer.WriteStringValue(value.AsString());
                break;
            case ParameterType.Bool:
                writer.WriteBooleanValue(value.AsBool());
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
