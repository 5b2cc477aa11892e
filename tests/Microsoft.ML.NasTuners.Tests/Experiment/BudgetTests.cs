using System.Collections.Concurrent;
using Microsoft.ML.NasTuners.Tuners;
using static Microsoft.ML.NasTuners.Tests.Experiment.ExperimentTestKit;

namespace Microsoft.ML.NasTuners.Tests.Experiment;

/// <summary>Budgets in the experiment loop: what the objective receives, what results keep, what the run spends.</summary>
public class BudgetTests
{
    private static HyperbandTuner Hyperband(SearchSpace space, double max = 9) =>
        new(space, new HyperbandOptions { MinBudget = 1, MaxBudget = max }, seed: 1);

    [Fact]
    public async Task A_single_fidelity_tuner_runs_every_trial_at_the_maximum_budget()
    {
        var seen = new ConcurrentBag<double?>();
        var result = await NewExperiment()
            .SetTuner((space, seed) => new RandomSearchTuner(space, seed))
            .SetBudget(min: 1, max: 81)
            .SetMaxTrials(5)
            .SetObjective((p, trial, _) =>
            {
                seen.Add(trial.Budget);
                return Loss(p);
            })
            .RunAsync();

        seen.Should().HaveCount(5).And.OnlyContain(b => b == 81);
        result.Trials.Should().OnlyContain(t => t.TrialSettings.Budget == 81 && t.SpentBudget == 81);
        result.TotalBudgetSpent.Should().Be(5 * 81);
        result.FullBudgetEquivalents.Should().Be(5);
        result.BudgetRange.Should().Be(new BudgetRange(1, 81));
    }

    [Fact]
    public async Task Without_budgets_nothing_changes()
    {
        var result = await NewExperiment().SetMaxTrials(3).SetObjective((p, _, _) => Loss(p)).RunAsync();
        result.Trials.Should().OnlyContain(t => t.TrialSettings.Budget == null && t.SpentBudget == null);
        result.TotalBudgetSpent.Should().Be(0);
        result.BudgetRange.Should().BeNull();
        double.IsNaN(result.FullBudgetEquivalents).Should().BeTrue();
    }

    [Fact]
    public async Task A_multi_fidelity_tuner_passes_its_budgets_to_the_objective_and_results_keep_them()
    {
        var space = SmallSpace();
        var seen = new ConcurrentDictionary<int, (double? Budget, int? ConfigId)>();
        var result = await NewExperiment()
            .SetTuner(Hyperband(space))
            .SetMaxTrials(22)
            .SetObjective((p, trial, _) =>
            {
                seen[trial.TrialId] = (trial.Budget, trial.ConfigId);
                return Loss(p);
            })
            .RunAsync();

        // Budgets 1..9, eta 3: brackets of 9+3+1, 5+1 and 3 trials.
        result.Trials.Select(t => t.TrialSettings.Budget!.Value).Should().Equal(
            [1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 9, 3, 3, 3, 3, 3, 9, 9, 9, 9]);
        foreach (var t in result.Trials)
            seen[t.TrialSettings.TrialId].Should().Be((t.TrialSettings.Budget, t.TrialSettings.ConfigId));
        result.BudgetRange.Should().Be(new BudgetRange(1, 9), "the experiment adopts the tuner's range");
        // A plain objective restarts: every trial is charged its whole budget.
        result.TotalBudgetSpent.Should().Be(result.Trials.Sum(t => t.TrialSettings.Budget!.Value));
        // The best trial comes from the highest budget reached.
        result.BestTrial!.TrialSettings.Budget.Should().Be(9);
        result.BestLoss.Should().Be(result.Trials.Where(t => t.TrialSettings.Budget == 9).Min(t => t.Loss));
    }

    [Fact]
    public async Task The_continuation_hook_receives_the_state_of_the_lower_budget_and_is_charged_only_the_extra()
    {
        var space = SmallSpace();
        var calls = new ConcurrentDictionary<int, (TrialSettings Settings, Model? Previous)>();
        var result = await NewExperiment()
            .SetTuner(Hyperband(space))
            .SetMaxTrials(22)
            .SetContinuableObjective<Model>((p, trial, previous, _) =>
            {
                calls[trial.TrialId] = (trial, previous);
                var model = previous ?? new Model(trial.ConfigId!.Value);
                model.ConfigId.Should().Be(trial.ConfigId!.Value);
                model.Epochs.Should().Be((int)(trial.PreviousBudget ?? 0));
                model.Epochs = (int)trial.Budget!.Value;
                return (Loss(p), model);
            })
            .RunAsync();

        result.EnsureSucceeded();
        var promoted = calls.Values.Where(c => c.Settings.PreviousBudget is not null).ToArray();
        promoted.Should().NotBeEmpty();
        foreach (var (settings, previous) in promoted)
        {
            previous.Should().NotBeNull();
            previous!.ConfigId.Should().Be(settings.ConfigId!.Value);
        }
        calls.Values.Where(c => c.Settings.PreviousBudget is null).Should().OnlyContain(c => c.Previous == null);
        result.Trials.Should().OnlyContain(t => t.SpentBudget == t.TrialSettings.Budget - (t.TrialSettings.PreviousBudget ?? 0));
        // Rungs 9x1 + 3x(3-1) + 1x(9-3), 5x3 + 1x(9-3), 3x9: continuing saves the lower budgets.
        result.TotalBudgetSpent.Should().Be(9 + 6 + 6 + 15 + 6 + 27);
    }

    [Fact]
    public async Task States_trained_to_the_full_budget_are_not_kept()
    {
        var cache = new RecordingCache();
        await NewExperiment()
            .SetTuner((space, seed) => new HyperbandTuner(space, new HyperbandOptions { MinBudget = 1, MaxBudget = 9 }, seed))
            .SetMaxTrials(22)
            .SetCheckpointCache(cache)
            .SetContinuableObjective<Model>((p, trial, previous, _) =>
                (Loss(p), new Model(trial.ConfigId!.Value) { Epochs = (int)trial.Budget!.Value }))
            .RunAsync();

        cache.Saved.Should().NotBeEmpty().And.OnlyContain(b => b < 9);
        cache.Removed.Should().HaveCount(1 + 1 + 3, "one configuration per bracket reaches budget 9, three in the last");
    }

    [Fact]
    public async Task A_forgotten_checkpoint_makes_the_trial_restart_and_pay_in_full()
    {
        var space = SmallSpace();
        var cache = new InMemoryCheckpointCache(capacity: 1);
        var restarts = 0;
        var result = await NewExperiment()
            .SetTuner(Hyperband(space))
            .SetMaxTrials(13)
            .SetCheckpointCache(cache)
            .SetContinuableObjective<Model>((p, trial, previous, _) =>
            {
                if (previous is null && trial.Budget > 1) Interlocked.Increment(ref restarts);
                trial.PreviousBudget.Should().Be(previous is null ? null : previous.Epochs);
                return (Loss(p), new Model(trial.ConfigId!.Value) { Epochs = (int)trial.Budget!.Value });
            })
            .RunAsync();

        // Only the last configuration of rung 0 is still cached when the rung's promotions run.
        restarts.Should().BeGreaterThan(0);
        result.Trials.Where(t => t.TrialSettings.PreviousBudget is null).Should().OnlyContain(t => t.SpentBudget == t.TrialSettings.Budget);
        cache.Count.Should().BeLessThanOrEqualTo(1);
    }

    [Fact]
    public async Task The_budget_limit_stops_the_run()
    {
        var result = await NewExperiment()
            .SetTuner((space, seed) => new RandomSearchTuner(space, seed)) // single fidelity: every trial spends 10
            .SetBudget(1, 10)
            .SetBudgetLimit(35)
            .SetObjective((p, _, _) => Loss(p))
            .RunAsync();

        result.StopReason.Should().Be(StopReason.BudgetLimit);
        result.Trials.Should().HaveCount(4, "three trials spend 30 < 35, the fourth reaches 40");
        result.TotalBudgetSpent.Should().Be(40);
        result.Summary.Should().Contain("budget limit reached").And.Contain("Budget spent: 40");
    }

    [Fact]
    public async Task The_budget_limit_counts_running_trials()
    {
        // A single-fidelity tuner, so that every trial is expected to spend the full budget of 10.
        var result = await NewExperiment()
            .SetTuner((space, seed) => new RandomSearchTuner(space, seed))
            .SetBudget(1, 10)
            .SetBudgetLimit(35)
            .SetDegreeOfParallelism(8)
            .SetObjective((p, _, _) => Loss(p))
            .RunAsync();

        result.Trials.Should().HaveCount(4);
    }

    [Fact]
    public async Task A_budget_outside_the_range_stops_the_run_as_a_tuner_fault()
    {
        var tuner = new FixedBudgetTuner(SmallSpace(), budget: 100);
        var result = await NewExperiment().SetTuner(tuner).SetBudget(1, 81).SetObjective((p, _, _) => Loss(p)).RunAsync();
        result.StopReason.Should().Be(StopReason.Faulted);
        result.Fault!.Message.Should().Contain("budget 100").And.Contain("[1, 81]");
    }

    [Fact]
    public async Task Budget_settings_are_checked()
    {
        FluentActions.Invoking(() => NewExperiment().SetBudget(0, 10)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("min");
        FluentActions.Invoking(() => NewExperiment().SetBudget(5, 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("max");
        FluentActions.Invoking(() => NewExperiment().SetBudgetLimit(0)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*SetBudgetLimit*");
        await FluentActions.Awaiting(() => NewExperiment().SetBudgetLimit(5).SetObjective((p, _, _) => Loss(p)).RunAsync())
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*SetBudgetLimit needs budgets*");
        await FluentActions.Awaiting(() => NewExperiment().SetBudget(1, 27).SetTuner(Hyperband(SmallSpace())).SetObjective((p, _, _) => Loss(p)).RunAsync())
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*[1, 27]*[1, 9]*");
    }

    [Fact]
    public async Task Progress_reports_the_budget_spent()
    {
        var progress = new RecordingProgress();
        await NewExperiment().SetTuner((space, seed) => new RandomSearchTuner(space, seed)).SetBudget(1, 10).SetMaxTrials(3)
            .SetProgress(progress).SetObjective((p, _, _) => Loss(p)).RunAsync();
        progress.Reports.Select(r => r.BudgetSpent).Should().Equal(10, 20, 30);
        progress.Reports.Last().ToString().Should().Contain("budget 30");
    }

    private sealed class RecordingCache : ICheckpointCache
    {
        private readonly InMemoryCheckpointCache _inner = new();
        public ConcurrentBag<double> Saved { get; } = [];
        public ConcurrentBag<int> Removed { get; } = [];

        public bool TryLoad(int configId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TrialCheckpoint? checkpoint) =>
            _inner.TryLoad(configId, out checkpoint);

        public void Save(int configId, TrialCheckpoint checkpoint)
        {
            Saved.Add(checkpoint.Budget);
            _inner.Save(configId, checkpoint);
        }

        public void Remove(int configId)
        {
            Removed.Add(configId);
            _inner.Remove(configId);
        }
    }

    private sealed class Model(int configId)
    {
        public int ConfigId { get; } = configId;
        public int Epochs { get; set; }
    }

    private sealed class FixedBudgetTuner(SearchSpace space, double budget) : ITuner
    {
        private readonly RandomSearchTuner _inner = new(space, 0);

        public Parameter Propose(TrialSettings settings)
        {
            settings.Budget = budget;
            return _inner.Propose(settings);
        }

        public void Update(TrialResult result)
        {
        }
    }
}
