using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// The file format of <see cref="BenchmarkBaseline"/>: one UTF-8 JSON object (no byte-order mark, <c>\n</c> line
/// ends), camelCase names, every field required, absent values as <c>null</c>:
/// <code>
/// {
///   "format": 1,
///   "plan": {"problems":["branin"],"tuners":["tpe"],"seeds":[1,2],"trials":15,"parallel":1,"budgetLimit":null,"countContinuation":true,"yahpoTask":"3945"},
///   "runs": [
///     {"problem":"branin","tuner":"tpe","seed":1,"trials":[{"loss":12.5,"budget":null,"status":"succeeded","parameter":"3f2a9c0d1e4b5a6f"}, ...]},
///     ...
///   ]
/// }
/// </code>
/// Each run is one line so that a diff names the runs that changed. Losses and budgets are written in the shortest
/// form that reads back to the same double, so they compare exactly. <c>parameter</c> is the fingerprint of
/// <see cref="BaselineTrial.FingerprintOf"/>.
/// </summary>
internal static class BenchmarkBaselineFile
{
    /// <summary>The version written, and the only one read; raise it when the meaning of a field changes.</summary>
    internal const int Format = 1;

    internal static void Write(string path, BenchmarkBaseline baseline)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write($"{{\n  \"format\": {Format},\n  \"plan\": {Compact(json => WritePlan(json, baseline.Plan))},\n  \"runs\": [");
        for (var i = 0; i < baseline.Runs.Count; i++)
        {
            writer.Write(i == 0 ? "\n    " : ",\n    ");
            var run = baseline.Runs[i];
            writer.Write(Compact(json => WriteRun(json, run)));
        }
        writer.Write(baseline.Runs.Count == 0 ? "]\n}\n" : "\n  ]\n}\n");
    }

    private static string Compact(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
            write(json);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WritePlan(Utf8JsonWriter json, BenchmarkPlan plan)
    {
        json.WriteStartObject();
        json.WriteStartArray("problems");
        foreach (var problem in plan.Problems) json.WriteStringValue(problem);
        json.WriteEndArray();
        json.WriteStartArray("tuners");
        foreach (var tuner in plan.Tuners) json.WriteStringValue(tuner);
        json.WriteEndArray();
        json.WriteStartArray("seeds");
        foreach (var seed in plan.Seeds) json.WriteNumberValue(seed);
        json.WriteEndArray();
        json.WriteNumber("trials", plan.Trials);
        json.WriteNumber("parallel", plan.Parallel);
        WriteNullable(json, "budgetLimit", plan.BudgetLimit);
        json.WriteBoolean("countContinuation", plan.CountContinuation);
        json.WriteString("yahpoTask", plan.YahpoTask);
        json.WriteEndObject();
    }

    private static void WriteRun(Utf8JsonWriter json, BaselineRun run)
    {
        json.WriteStartObject();
        json.WriteString("problem", run.Problem);
        json.WriteString("tuner", run.Tuner);
        json.WriteNumber("seed", run.Seed);
        json.WriteStartArray("trials");
        foreach (var trial in run.Trials)
        {
            json.WriteStartObject();
            WriteNullable(json, "loss", trial.Loss);
            WriteNullable(json, "budget", trial.Budget);
            json.WriteString("status", BaselineTrial.StatusName(trial.Status));
            json.WriteString("parameter", trial.Fingerprint);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number) json.WriteNumber(name, number);
        else json.WriteNull(name);
    }

    internal static BenchmarkBaseline Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = new Reader(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Benchmark baseline '{path}' is not JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            file.RequireObject(root, "the file");
            // The version first: a file of another format may lack or mean differently any other field.
            var format = file.Int(root, "", "format");
            if (format != Format)
                throw file.Bad("format", $"format {format} is not supported; this version reads format {Format}.");
            var plan = ReadPlan(file, file.Object(root, "", "plan"));
            var runs = file.Array(root, "", "runs", ReadRun);
            var sorted = runs.ToList();
            sorted.Sort(BaselineRun.CompareRuns);
            for (var i = 1; i < sorted.Count; i++)
            {
                if (BaselineRun.CompareRuns(sorted[i - 1], sorted[i]) == 0)
                    throw file.Bad("runs", $"{sorted[i].Name} appears twice.");
            }
            return new BenchmarkBaseline(plan, sorted);
        }
    }

    private static BenchmarkPlan ReadPlan(Reader file, JsonElement plan) => new()
    {
        Problems = file.Array(plan, "plan", "problems", (item, where) => file.String(item, where)),
        Tuners = file.Array(plan, "plan", "tuners", (item, where) => file.String(item, where)),
        Seeds = file.Array(plan, "plan", "seeds", (item, where) => file.Int(item, where)),
        Trials = file.Int(plan, "plan", "trials"),
        Parallel = file.Int(plan, "plan", "parallel"),
        BudgetLimit = file.NullableDouble(plan, "plan", "budgetLimit"),
        CountContinuation = file.Bool(plan, "plan", "countContinuation"),
        YahpoTask = file.String(plan, "plan", "yahpoTask"),
    };

    private static BaselineRun ReadRun(Reader file, JsonElement run, string where)
    {
        file.RequireObject(run, where);
        return new BaselineRun(
            file.String(run, where, "problem"),
            file.String(run, where, "tuner"),
            file.Int(run, where, "seed"),
            file.Array(run, where, "trials", (trial, at) => ReadTrial(file, trial, at)));
    }

    private static BaselineTrial ReadTrial(Reader file, JsonElement trial, string where)
    {
        file.RequireObject(trial, where);
        var statusName = file.String(trial, where, "status");
        if (!BaselineTrial.TryParseStatus(statusName, out var status))
        {
            var valid = string.Join(", ", Enum.GetValues<TrialStatus>().Select(BaselineTrial.StatusName));
            throw file.Bad($"{where}.status", $"'{statusName}' is not a trial status ({valid}).");
        }
        return new BaselineTrial(
            file.NullableDouble(trial, where, "loss"),
            file.NullableDouble(trial, where, "budget"),
            status,
            file.String(trial, where, "parameter"));
    }

    /// <summary>Reads typed fields, naming the file and the field (<c>runs[3].trials[7].status</c>) in every error.</summary>
    private sealed class Reader(string path)
    {
        internal InvalidDataException Bad(string field, string problem) =>
            new($"Benchmark baseline '{path}', {field}: {problem}");

        internal void RequireObject(JsonElement element, string where)
        {
            if (element.ValueKind != JsonValueKind.Object)
                throw Bad(where, $"expected an object, found {Kind(element)}.");
        }

        internal JsonElement Object(JsonElement parent, string where, string name)
        {
            var value = Field(parent, where, name);
            RequireObject(value, Join(where, name));
            return value;
        }

        internal IReadOnlyList<T> Array<T>(JsonElement parent, string where, string name, Func<JsonElement, string, T> readItem)
        {
            var value = Field(parent, where, name);
            var at = Join(where, name);
            if (value.ValueKind != JsonValueKind.Array)
                throw Bad(at, $"expected an array, found {Kind(value)}.");
            return value.EnumerateArray().Select((item, i) => readItem(item, $"{at}[{i}]")).ToArray();
        }

        internal IReadOnlyList<T> Array<T>(JsonElement parent, string where, string name, Func<Reader, JsonElement, string, T> readItem) =>
            Array(parent, where, name, (item, at) => readItem(this, item, at));

        internal string String(JsonElement parent, string where, string name) => String(Field(parent, where, name), Join(where, name));

        internal string String(JsonElement value, string at) =>
            value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
                ? text
                : throw Bad(at, $"expected a non-empty string, found {Kind(value)}.");

        internal int Int(JsonElement parent, string where, string name) => Int(Field(parent, where, name), Join(where, name));

        internal int Int(JsonElement value, string at) =>
            value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
                ? number
                : throw Bad(at, $"expected a 32-bit integer, found {Kind(value)}.");

        internal double? NullableDouble(JsonElement parent, string where, string name)
        {
            var value = Field(parent, where, name);
            if (value.ValueKind == JsonValueKind.Null) return null;
            return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
                ? number
                : throw Bad(Join(where, name), $"expected a finite number or null, found {Kind(value)}.");
        }

        internal bool Bool(JsonElement parent, string where, string name)
        {
            var value = Field(parent, where, name);
            return value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? value.GetBoolean()
                : throw Bad(Join(where, name), $"expected true or false, found {Kind(value)}.");
        }

        private JsonElement Field(JsonElement parent, string where, string name) =>
            parent.TryGetProperty(name, out var value) ? value : throw Bad(Join(where, name), "the field is missing.");

        private static string Join(string where, string name) => where.Length == 0 ? name : $"{where}.{name}";

        private static string Kind(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Null => "null",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => value.GetRawText(),
        };
    }
}
