using Microsoft.ML.NasTuners.Benchmarks;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Postgres.Tests.Workers;

/// <summary>
/// BOHB run by 4 worker processes on mf_hartmann6: its brackets are coordinated through the store, so each rung fills
/// with trials from all workers, is complete before its best are promoted, promotes exactly its best configurations
/// (by the losses every worker wrote), and promotes each of them once.
/// </summary>
[Collection(WorkerProcessCollection.Name)]
public sealed class BohbAcrossWorkersTests : IDisposable
{
    private readonly Lazy<TestSchema> _schema = new(PostgresServer.CreateSchema);

    public void Dispose()
    {
        if (_schema.IsValueCreated) _schema.Value.Dispose();
    }

    [SkippableFact]
    public void Every_rung_fills_from_all_workers_and_promotes_its_best_once()
    {
        PostgresServer.Require();
        using var workers = new WorkerProcesses(
        [
            "worker", "--storage", _schema.Value.ConnectionString, "--study", "bohb", "--problem", "mf_hartmann6", "--tuner", "bohb",
            "--seed", "5", "--workers", "4", "--max-trials", "150", "--trial-delay-ms", "0-20",
        ]);
        for (var i = 0; i < 4; i++) workers.Start();
        workers.WaitAll(TimeSpan.FromMinutes(3));

        using var store = new PostgresTrialStore(_schema.Value.ConnectionString);
        var trials = store.InTransaction((c, tx) => PostgresTrialStore.ReadTrials(c, tx, PostgresTrialStore.RequireStudyId(c, tx, "bohb"), "TRUE"));
        var problem = BenchmarkProblems.Create("mf_hartmann6");
        var schedule = new BohbTuner(problem.SearchSpace, new BohbOptions { MinBudget = 1, MaxBudget = 81, RoundBudgets = true }, 5).Schedule;

        trials.Should().HaveCount(150).And.OnlyContain(t => t.Trial.Status == TrialStatus.Succeeded);
        trials.GroupBy(t => (t.Trial.ConfigId, t.Trial.Budget)).Should().OnlyContain(g => g.Count() == 1,
            "a configuration runs once at each budget: it is promoted once");
        workers.Workers.Should().OnlyContain(w => w.Lines.Any(l => l.Contains(" recorded,") && !l.Contains(": 0 recorded")),
            "every worker ran trials");

        // A bracket samples its first rung's configurations one after another, so its configurations are a run of
        // consecutive ids starting at its first rung's budget.
        var configs = trials.GroupBy(t => t.Trial.ConfigId!.Value).OrderBy(g => g.Key).ToList();
        var completeBrackets = 0;
        for (var at = 0; at < configs.Count;)
        {
            var first = configs[at].Single(t => t.Trial.PreviousBudget is null).Trial.Budget;
            var bracket = schedule.Brackets.Single(b => b.Rungs[0].Budget == first);
            var members = configs.Skip(at).Take(bracket.Rungs[0].Configurations).ToList();
            at += members.Count;
            var ids = members.Select(m => m.Key).ToHashSet();
            var rungs = bracket.Rungs.Select(r => trials.Where(t => ids.Contains(t.Trial.ConfigId!.Value) && t.Trial.Budget == r.Budget).ToList()).ToList();
            for (var i = 0; i + 1 < rungs.Count && rungs[i + 1].Count > 0; i++)
            {
                rungs[i].Should().HaveCount(bracket.Rungs[i].Configurations, "a rung is full before any of it is promoted");
                rungs[i].Max(t => t.ToldBefore!.Value).Should().BeLessThanOrEqualTo(rungs[i + 1].Min(t => t.Trial.Id),
                    "every result of the rung was in the store before the first promotion was proposed");
                var best = rungs[i].OrderBy(t => t.Trial.Loss).ThenBy(t => t.Trial.ConfigId)
                    .Take(bracket.Rungs[i + 1].Configurations).Select(t => t.Trial.ConfigId);
                // A promotion cut short by the trial limit has started only some of them.
                rungs[i + 1].Select(t => t.Trial.ConfigId).Should().BeSubsetOf(best, "the rung's best go on, by every worker's results");
                if (trials.Max(t => t.Trial.Id) > rungs[i + 1].Max(t => t.Trial.Id) + 4 * 4)
                    rungs[i + 1].Should().HaveCount(best.Count(), "a promotion not cut short by the limit starts all of the rung's best");
                rungs[i + 1].Should().OnlyContain(t => t.Trial.PreviousBudget == bracket.Rungs[i].Budget);
            }
            if (rungs[^1].Count == bracket.Rungs[^1].Configurations) completeBrackets++;
        }
        completeBrackets.Should().BeGreaterThanOrEqualTo(1, "150 trials finish at least the first bracket (121 trials) to its full budget");
    }
}
