using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.ML.NasTuners;

/// <summary>The JSON settings used for parameters and search spaces: enums by name, numbers exact.</summary>
internal static class ParameterJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNameCaseInsensitive = true,
    };
}
