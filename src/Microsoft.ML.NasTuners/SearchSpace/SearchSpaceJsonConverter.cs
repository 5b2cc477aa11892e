using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Microsoft.ML.NasTuners;

/// <summary>
/// Reads and writes a <see cref="SearchSpace"/> as a JSON object of options, each tagged by <c>type</c>:
/// <c>{"lr":{"type":"double","min":1e-4,"max":0.1,"log":true,"default":1e-4},
/// "layers":{"type":"int","min":1,"max":5,"log":false,"default":1},
/// "act":{"type":"choice","choices":["relu","gelu"],"default":"relu"},
/// "net":{"type":"nested","options":{...}},
/// "branch":{"type":"conditional","branches":{"A":{...},"B":{...}},"default":"A"}}</c>.
/// Numeric types are <c>int</c>, <c>single</c> and <c>double</c>.
/// </summary>
public sealed class SearchSpaceJsonConverter : JsonConverter<SearchSpace>
{
    /// <inheritdoc />
    public override SearchSpace Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader) as JsonObject ?? throw new JsonException("A search space must be a JSON object.");
        try
        {
            return ReadSpace(node, "$");
        }
        catch (ArgumentException e)
        {
            // A JSON object with a repeated key fails when it is first read; which value was meant is unknown.
            throw new JsonException($"The search space's JSON has a repeated key: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SearchSpace value, JsonSerializerOptions options) =>
        WriteSpace(value).WriteTo(writer);

    private static JsonObject WriteSpace(SearchSpace space)
    {
        var result = new JsonObject();
        foreach (var (key, option) in space)
            result[key] = WriteOption(option);
        return result;
    }

    private static JsonObject WriteOption(OptionBase option) => option switch
    {
        UniformNumericOption n => new JsonObject
        {
            ["type"] = n switch { UniformIntOption => "int", UniformSingleOption => "single", _ => "double" },
            ["min"] = Number(n, n.Min),
            ["max"] = Number(n, n.Max),
            ["log"] = n.LogBase,
            ["default"] = Number(n, n.DefaultValue),
        },
        ChoiceOption c => new JsonObject
        {
            ["type"] = "choice",
            ["choices"] = new JsonArray(c.Choices.Select(ToNode).ToArray()),
            ["default"] = ToNode(c.Choices[c.DefaultIndex]),
        },
        ConditionalChoiceOption b => new JsonObject
        {
            ["type"] = "conditional",
            ["branches"] = new JsonObject(b.Branches.Select(br => KeyValuePair.Create(br.Name, (JsonNode?)WriteSpace(br.Space)))),
            ["default"] = b.BranchNames[b.DefaultIndex],
        },
        SearchSpace s => new JsonObject { ["type"] = "nested", ["options"] = WriteSpace(s) },
        _ => throw new JsonException($"Option type {option.GetType().Name} cannot be written as JSON."),
    };

    private static JsonNode Number(UniformNumericOption option, double value) => option switch
    {
        UniformIntOption => JsonValue.Create((long)value),
        UniformSingleOption => JsonValue.Create((float)value),
        _ => JsonValue.Create(value),
    };

    private static JsonNode? ToNode(Parameter p) => JsonNode.Parse(p.ToString());

    private static SearchSpace ReadSpace(JsonObject node, string path)
    {
        var space = new SearchSpace();
        foreach (var (key, value) in node)
        {
            var optionPath = $"{path}.{key}";
            var option = value as JsonObject ?? throw new JsonException($"{optionPath}: an option must be a JSON object.");
            try
            {
                space.Add(key, ReadOption(option, optionPath));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
            {
                throw new JsonException($"{optionPath}: {e.Message}", e);
            }
        }
        return space;
    }

    // The keys each option type reads; any other key is a typo that would otherwise be ignored.
    private static readonly Dictionary<string, string[]> KnownKeys = new()
    {
        ["int"] = ["type", "min", "max", "log", "default"],
        ["single"] = ["type", "min", "max", "log", "default"],
        ["double"] = ["type", "min", "max", "log", "default"],
        ["choice"] = ["type", "choices", "default"],
        ["nested"] = ["type", "options"],
        ["conditional"] = ["type", "branches", "default"],
    };

    private static OptionBase ReadOption(JsonObject node, string path)
    {
        var type = Required(node, "type", path).GetValue<string>();
        if (KnownKeys.TryGetValue(type, out var known) && node.Select(p => p.Key).FirstOrDefault(k => !known.Contains(k)) is { } unknown)
            throw new JsonException($"{path}: unknown key '{unknown}' in a '{type}' option (it takes {string.Join(", ", known)}).");
        switch (type)
        {
            case "int":
                return new UniformIntOption(Required(node, "min", path).GetValue<int>(), Required(node, "max", path).GetValue<int>(),
                    Log(node), node["default"]?.GetValue<int>());
            case "single":
                return new UniformSingleOption(Required(node, "min", path).GetValue<float>(), Required(node, "max", path).GetValue<float>(),
                    Log(node), node["default"]?.GetValue<float>());
            case "double":
                return new UniformDoubleOption(Required(node, "min", path).GetValue<double>(), Required(node, "max", path).GetValue<double>(),
                    Log(node), node["default"]?.GetValue<double>());
            case "choice":
                var choices = (Required(node, "choices", path) as JsonArray ?? throw new JsonException($"{path}.choices must be an array."))
                    .Select(c => (object)Parameter.Parse(c?.ToJsonString() ?? "null")).ToArray();
                return new ChoiceOption(choices, node["default"] is { } d ? Parameter.Parse(d.ToJsonString()) : null);
            case "nested":
                return ReadSpace(Required(node, "options", path) as JsonObject ?? throw new JsonException($"{path}.options must be an object."), path);
            case "conditional":
                var branches = Required(node, "branches", path) as JsonObject ?? throw new JsonException($"{path}.branches must be an object.");
                return new ConditionalChoiceOption(
                    branches.Select(b => (b.Key, ReadSpace(b.Value as JsonObject ?? throw new JsonException($"{path}.branches.{b.Key} must be an object."), $"{path}.{b.Key}"))),
                    node["default"]?.GetValue<string>());
            default:
                throw new JsonException($"{path}: unknown option type '{type}' (expected int, single, double, choice, nested or conditional).");
        }
    }

    private static bool Log(JsonObject node) => node["log"]?.GetValue<bool>() ?? false;

    private static JsonNode Required(JsonObject node, string name, string path) =>
        node[name] ?? throw new JsonException($"{path}: missing '{name}'.");
}
