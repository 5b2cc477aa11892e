using System.Text.RegularExpressions;
using Microsoft.ML.NasTuners.Benchmarks;
using Microsoft.ML.NasTuners.Storage;

namespace Microsoft.ML.NasTuners.Postgres.Tests.Workers;

/// <summary>
/// Pruning across real <c>nas-tuners worker --pruner</c> processes on one PostgreSQL study: every report goes to the
/// store, and each worker judges its trials against the curves of the whole study, other processes' included.
/// </summary>
[Collection(WorkerProcessCollection.Name)]
public sealed partial class PruningAcrossWorkersTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    // MedianPruner's default: no pruning before 5 trials succeeded.
    private const int StartupTrials = 5;

    private readonly Lazy<TestSchema> _schema = new(PostgresServer.CreateSchema);

    public void Dispose()
    {
        if (_schema.IsValueCreated) _schema.Value.Dispose();
    }

    private string[] Args(int trials, string delay) =>
    [
        "worker", "--storage", _schema.Value.ConnectionString, "--study", "curves", "--problem", "mf_hartmann6", "--tuner", "random",
        "--seed", "5", "--workers", "2", "--max-trials", trials.ToString(), "--trial-delay-ms", delay, "--pruner", "median",
    ];

    [SkippableFact]
    public void Two_workers_prune_by_the_curves_other_processes_wrote_and_the_store_keeps_every_curve()
    {
        PostgresServer.Require();
        // A first process trains the first trials (the first 5 cannot be pruned); once 6 are recorded, two more
        // processes join it, and the three share the rest of the study.
        using var workers = new WorkerProcesses(Args(40, "20-60"));
        var first = workers.Start();
        first.WaitFor(l => RecordedLine().Match(l) is { Success: true } m && m.Groups[1].Value == "5", Patience);
        var b = workers.Start();
        var c = workers.Start();
        workers.WaitAll(Patience);

        foreach (var worker in new[] { b, c })
        {
            // The first trial this process pruned came before it had 5 succeeded trials of its own: only the curves
            // of other processes, read from the store, let the median rule judge it.
            var succeededBefore = 0;
            int? firstPruned = null;
            foreach (var line in worker.Lines)
            {
                var m = RecordedLine().Match(line);
                if (!m.Success) continue;
                if (m.Groups[2].Value == "Pruned")
                {
                    firstPruned = int.Parse(m.Groups[1].Value);
                    break;
                }
                if (m.Groups[2].Value == "Succeeded") succeededBefore++;
            }
            firstPruned.Should().NotBeNull($"a worker prunes by the study's curves:\n{string.Join("\n", worker.Lines.TakeLast(10))}");
            succeededBefore.Should().BeLessThan(StartupTrials, "alone, the median rule prunes nothing before 5 trials of its own succeeded");
        }

        using var store = new PostgresTrialStore(_schema.Value.ConnectionString);
        var trials = store.GetTrials("curves");
        var fullEpochs = (int)BenchmarkProblems.Create("mf_hartmann6").MaxBudget!.Value;
        trials.Select(t => t.Id).Should().Equal(Enumerable.Range(0, 40));
        trials.Take(StartupTrials).Should().OnlyContain(t => t.Status == TrialStatus.Succeeded);
        trials.Should().OnlyContain(t => t.Status == TrialStatus.Succeeded || t.Status == TrialStatus.Pruned);
        foreach (var trial in trials)
        {
            trial.IntermediateValues.Should().NotBeEmpty($"trial {trial.Id} reported every epoch it trained");
            trial.IntermediateValues[0].Step.Should().Be(1);
            if (trial.Status == TrialStatus.Succeeded)
                trial.IntermediateValues.Should().HaveCount(fullEpochs);
            else
            {
                trial.IntermediateValues.Count.Should().BeLessThan(fullEpochs);
                trial.Loss.Should().Be(trial.IntermediateValues[^1].Value, "a pruned trial keeps its last value as its loss");
                trial.Error.Should().Contain("MedianPruner");
            }
        }
    }

    [GeneratedRegex(@"^trial (\d+) (Succeeded|Pruned|Failed|Cancelled|TimedOut) loss")]
    private static partial Regex RecordedLine();
}
