using System.Globalization;
using System.Text.Json;
using Microsoft.ML.NasTuners.Storage;

namespace Microsoft.ML.NasTuners.Cli.Study;

/// <summary>A study's trials as CSV (one row per trial, the parameter as its JSON) or as JSON Lines.</summary>
internal static class StudyExport
{
    public static readonly string[] Columns =
        ["id", "status", "loss", "metric", "budget", "configId", "previousBudget", "spentBudget", "durationMs", "startedAtUtc", "endedAtUtc", "error", "note", "parameter", "intermediateValues"];

    public static void WriteCsv(TextWriter writer, IEnumerable<StudyTrial> trials)
    {
        writer.WriteLine(string.Join(",", Columns));
        foreach (var t in trials)
        {
            string?[] cells =
            [
                Invariant(t.Id), t.Status.ToString(), Invariant(t.Loss), Invariant(t.Metric), Invariant(t.Budget), Invariant(t.ConfigId),
                Invariant(t.PreviousBudget), Invariant(t.SpentBudget), Invariant(t.DurationMs),
                t.StartedAtUtc.ToString("O", CultureInfo.InvariantCulture), t.EndedAtUtc?.ToString("O", CultureInfo.InvariantCulture),
                t.Error, t.Note, t.Parameter.ToString(), CurveJson(t),
            ];
            writer.WriteLine(string.Join(",", cells.Select(Quote)));
        }
    }

    public static void WriteJsonl(TextWriter writer, IEnumerable<StudyTrial> trials)
    {
        foreach (var t in trials)
        {
            writer.WriteLine(CompactJson.Write(json =>
            {
                json.WriteStartObject();
                json.WriteNumber("id", t.Id);
                json.WriteString("status", JsonNamingPolicy.CamelCase.ConvertName(t.Status.ToString()));
                Number(json, "loss", t.Loss);
                Number(json, "metric", t.Metric);
                Number(json, "budget", t.Budget);
                if (t.ConfigId is { } c) json.WriteNumber("configId", c); else json.WriteNull("configId");
                Number(json, "previousBudget", t.PreviousBudget);
                Number(json, "spentBudget", t.SpentBudget);
                Number(json, "durationMs", t.DurationMs);
                json.WriteString("startedAtUtc", t.StartedAtUtc.ToString("O", CultureInfo.InvariantCulture));
                if (t.EndedAtUtc is { } e) json.WriteString("endedAtUtc", e.ToString("O", CultureInfo.InvariantCulture)); else json.WriteNull("endedAtUtc");
                if (t.Error is null) json.WriteNull("error"); else json.WriteString("error", t.Error);
                if (t.Note is null) json.WriteNull("note"); else json.WriteString("note", t.Note);
                json.WritePropertyName("parameter");
                json.WriteRawValue(t.Parameter.ToString());
                json.WritePropertyName("intermediateValues");
                WriteCurve(json, t);
                json.WriteEndObject();
            }));
        }
    }

    // The values the trial reported, as [{"step":1,"value":0.5}, ...] by ascending step: the same JSON in both formats.
    private static string CurveJson(StudyTrial trial) => CompactJson.Write(json => WriteCurve(json, trial));

    private static void WriteCurve(Utf8JsonWriter json, StudyTrial trial)
    {
        json.WriteStartArray();
        foreach (var v in trial.IntermediateValues)
        {
            json.WriteStartObject();
            Number(json, "step", v.Step);
            Number(json, "value", v.Value);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    // JSON has no NaN or infinity: those are written as strings, so nothing is lost.
    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is not { } v) json.WriteNull(name);
        else if (double.IsFinite(v)) json.WriteNumber(name, v);
        else json.WriteString(name, v.ToString(CultureInfo.InvariantCulture));
    }

    private static string? Invariant(IFormattable? value) => value?.ToString(null, CultureInfo.InvariantCulture);

    private static string Quote(string? cell)
    {
        if (cell is null) return "";
        return cell.IndexOfAny([',', '"', '\n', '\r']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"") + "\"";
    }
}
