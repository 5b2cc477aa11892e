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
            var line = new Dictionary<string, object?>
            {
                ["data"] = dataSet,
                ["seed"] = seed,
                ["method"] = method,
                ["time_limit"] = double.IsFinite(timeLimit) ? timeLimit : null,
                ["trial"] = trial.TrialId,
                ["trainer"] = trial.Trainer,
                ["mlnet_defaults"] = trial.UsesMlNetDefaults,
                ["budget"] = trial.Budget,
                ["status"] = trial.Status.ToString(),
                ["loss"] = double.IsFinite(trial.Loss) ? trial.Loss : null,
                ["metric"] = double.IsFinite(trial.Metric) ? trial.Metric : null,
                ["fold_losses"] = trial.FoldLosses,
                ["seconds"] = trial.DurationInMilliseconds / 1000,
                ["cancelled"] = trial.ExecutionCancelled,
                ["model"] = result.Ensemble is null && trial.TrialId == result.BestTrial?.TrialId,
                ["ensemble_member"] = result.Ensemble?.Members.Any(m => m.TrialId == trial.TrialId) ?? false,
                ["parameter"] = JsonDocument.Parse(trial.Parameter.ToString()).RootElement,
            };
            _writer.WriteLine(JsonSerializer.Serialize(line));
        }
    }

    public void Dispose() => _writer.Dispose();
}
