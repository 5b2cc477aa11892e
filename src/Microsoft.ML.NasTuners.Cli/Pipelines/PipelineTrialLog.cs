using System.Text.Json;
using Microsoft.ML.NasTuners.Pipelines;

namespace Microsoft.ML.NasTuners.Cli.Pipelines;

/// <summary>Every trial of the compared searches, one JSON object per line, written as each search ends, so that a
/// table's numbers can be traced to the trials behind them (which trainer, at which budget, how long).</summary>
internal sealed class PipelineTrialLog(string path) : IDisposable
{
    private readonly StreamWriter _writer = new(path, append: false) { AutoFlush = true };

    public void Write(string dataSet, int seed, string method, double timeLimit, PipelineResult result)
    {
        foreach (var trial in result.Trials)
        {
            _writer.WriteLine(CompactJson.Write(json =>
            {
                json.WriteStartObject();
                json.WriteString("data", dataSet);
                json.WriteNumber("seed", seed);
                json.WriteString("method", method);
                Number(json, "time_limit", timeLimit);
                json.WriteNumber("trial", trial.TrialId);
                json.WriteString("trainer", trial.Trainer);
                json.WriteBoolean("mlnet_defaults", trial.UsesMlNetDefaults);
                Number(json, "budget", trial.Budget);
                json.WriteString("status", trial.Status.ToString());
                Number(json, "loss", trial.Loss);
                Number(json, "metric", trial.Metric);
                json.WriteStartArray("fold_losses");
                foreach (var loss in trial.FoldLosses) json.WriteNumberValue(loss);
                json.WriteEndArray();
                json.WriteNumber("seconds", trial.DurationInMilliseconds / 1000);
                json.WriteBoolean("cancelled", trial.ExecutionCancelled);
                json.WriteBoolean("model", result.Ensemble is null && trial.TrialId == result.BestTrial?.TrialId);
                json.WriteBoolean("ensemble_member", result.Ensemble?.Members.Any(m => m.TrialId == trial.TrialId) ?? false);
                json.WritePropertyName("parameter");
                json.WriteRawValue(trial.Parameter.ToString()); // already JSON: written as it is, not parsed again
                json.WriteEndObject();
            }));
        }
    }

    // JSON has no NaN or infinity: a value that is not finite (no loss, no time limit) is null.
    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    public void Dispose() => _writer.Dispose();
}
