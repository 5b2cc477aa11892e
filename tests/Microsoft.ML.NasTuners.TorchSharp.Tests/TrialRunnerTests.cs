using Microsoft.ML;
using Microsoft.ML.NasTuners.Pruning;
using Microsoft.ML.NasTuners.Tuners;
using TorchSharp;

namespace Microsoft.ML.NasTuners.TorchSharp.Tests;

public class TrialRunnerTests
{
    private static readonly CnnSearchSpaceOptions SmallSpace = new() { MaxStages = 2, MaxBlocksPerStage = 1, MinChannels = 4, MaxChannels = 16 };

    // One small stage and fixed training, so that a trial takes a fraction of a second.
    private static readonly CnnSearchSpaceOptions TinySpace = new()
    {
        MinStages = 1, MaxStages = 1, MaxBlocksPerStage = 1, MinChannels = 4, MaxChannels = 8, IncludeTrainingParameters = false,
    };

    [DataFact("digits")]
    public void A_higher_budget_continues_from_the_lower_one_and_matches_training_from_scratch()
    {
        TorchTestEnvironment.Initialise();
        var split = TestData.Split;
        var options = new CnnTrialRunnerOptions { Seed = 3, MaxThreads = 1, MaxEpochs = 4 };
        var runner = new CnnTrialRunner(split.Train.Take(160), split.Validation.Take(80), options);
        var parameter = TestData.Tiny().ToParameter();

        var low = runner.Run(new TrialSettings { TrialId = 0, Parameter = parameter, Budget = 1 });
        runner.GetCheckpoint(parameter)!.Epochs.Should().Be(1);
        var high = runner.Run(new TrialSettings { TrialId = 1, Parameter = parameter, Budget = 3 });
        runner.GetCheckpoint(parameter)!.Epochs.Should().Be(3);

        var fresh = new CnnTrialRunner(split.Train.Take(160), split.Validation.Take(80), options)
            .Run(new TrialSettings { TrialId = 0, Parameter = parameter, Budget = 3 });
        high.Loss.Should().BeApproximately(fresh.Loss, 1e-5);
        high.Metric.Should().Be(fresh.Metric);
        low.Status.Should().Be(TrialStatus.Succeeded);
    }

    [DataFact("digits")]
    public void A_promoted_trial_continues_from_its_configurations_checkpoint_and_spends_only_the_extra_epochs()
    {
        TorchTestEnvironment.Initialise();
        var split = TestData.Split;
        var options = new CnnTrialRunnerOptions { Seed = 5, MaxThreads = 1, MaxEpochs = 3 };
        var runner = new CnnTrialRunner(split.Train.Take(96), split.Validation.Take(48), options);
        var parameter = TestData.Tiny().ToParameter();

        // The rung: configuration 7 at 1 epoch, as Hyperband or BOHB first propose it.
        var low = runner.Run(new TrialSettings { TrialId = 0, ConfigId = 7, Parameter = parameter, Budget = 1 });
        low.SpentBudget.Should().Be(1);
        low.TrialSettings.PreviousBudget.Should().BeNull();

        // Its promotion: the same configuration at 3 epochs, from 1.
        var promoted = new TrialSettings { TrialId = 1, ConfigId = 7, Parameter = parameter, Budget = 3, PreviousBudget = 1 };
        var high = runner.Run(promoted);
        high.Status.Should().Be(TrialStatus.Succeeded);
        high.SpentBudget.Should().Be(2);
        promoted.PreviousBudget.Should().Be(1);
        runner.GetCheckpoint(promoted)!.Epochs.Should().Be(3);
        runner.GetCheckpoint(parameter)!.Epochs.Should().Be(3);

        // Continuing gave the network that 3 epochs from scratch give.
        var fresh = new CnnTrialRunner(split.Train.Take(96), split.Validation.Take(48), options)
            .Run(new TrialSettings { TrialId = 0, ConfigId = 7, Parameter = parameter, Budget = 3 });
        fresh.SpentBudget.Should().Be(3);
        high.Loss.Should().BeApproximately(fresh.Loss, 1e-5);
        high.Metric.Should().Be(fresh.Metric);
    }

    [DataFact("digits")]
    public void A_promotion_whose_checkpoint_is_gone_starts_afresh_and_says_so()
    {
        TorchTestEnvironment.Initialise();
        var split = TestData.Split;
        var runner = new CnnTrialRunner(split.Train.Take(96), split.Validation.Take(48),
            new CnnTrialRunnerOptions { MaxThreads = 1, MaxEpochs = 2, MaxStoredCheckpoints = 0 });
        var parameter = TestData.Tiny().ToParameter();
        runner.Run(new TrialSettings { TrialId = 0, ConfigId = 1, Parameter = parameter, Budget = 1 });

        var promoted = new TrialSettings { TrialId = 1, ConfigId = 1, Parameter = parameter, Budget = 2, PreviousBudget = 1 };
        var result = runner.Run(promoted);

        result.SpentBudget.Should().Be(2);
        promoted.PreviousBudget.Should().BeNull();
    }

    [DataFact("digits")]
    public void A_configuration_id_reused_for_another_parameter_does_not_continue_the_old_checkpoint()
    {
        TorchTestEnvironment.Initialise();
        var split = TestData.Split;
        var runner = new CnnTrialRunner(split.Train.Take(96), split.Validation.Take(48),
            new CnnTrialRunnerOptions { MaxThreads = 1, MaxEpochs = 2 });
        var first = TestData.Tiny().ToParameter();
        var second = TestData.Tiny(dropout: 0.1).ToParameter();
        runner.Run(new TrialSettings { TrialId = 0, ConfigId = 0, Parameter = first, Budget = 1 });

        // A later run whose tuner numbers its configurations from 0 again.
        var other = runner.Run(new TrialSettings { TrialId = 0, ConfigId = 0, Parameter = second, Budget = 2, PreviousBudget = 1 });

        other.Status.Should().Be(TrialStatus.Succeeded);
        other.SpentBudget.Should().Be(2);
        other.TrialSettings.PreviousBudget.Should().BeNull();
        runner.GetCheckpoint(first).Should().BeNull();
        runner.GetCheckpoint(second)!.Epochs.Should().Be(2);
    }

    [DataFact("digits")]
    public async Task The_experiment_has_the_runners_epochs_as_budgets_so_hyperband_promotes_and_continues()
    {
        TorchTestEnvironment.Initialise();
        var split = TestData.Split;
        var runner = new CnnTrialRunner(split.Train.Take(64), split.Validation.Take(32),
            new CnnTrialRunnerOptions { MaxEpochs = 3, MaxThreads = 1, Objective = CnnObjective.ValidationError });
        var result = await new MLContext(seed: 0).Nas().ImageClassification(runner, TinySpace)
            .SetTuner((space, seed) => new HyperbandTuner(space, new HyperbandOptions { MinBudget = 1, MaxBudget = 3, Eta = 3 }, seed))
            .SetMaxTrials(5) // the first bracket: three configurations at 1 epoch, the best at 3, then a new one at 3
            .SetSeed(1)
            .RunAsync();

        result.BudgetRange.Should().Be(new BudgetRange(1, 3));
        var succeeded = result.Trials.Where(t => t.Status == TrialStatus.Succeeded).ToList();
        var promoted = succeeded.Where(t => t.TrialSettings.PreviousBudget is not null).ToList();
        promoted.Should().NotBeEmpty();
        promoted.Should().OnlyContain(t => t.SpentBudget == t.TrialSettings.Budget - t.TrialSettings.PreviousBudget);
        promoted.Should().OnlyContain(t => t.SpentBudget == 2);
        result.TotalBudgetSpent.Should().Be(result.Trials.Sum(t => t.SpentBudget ?? 0));
        result.TotalBudgetSpent.Should().BeLessThan(result.Trials.Sum(t => t.TrialSettings.Budget ?? 0));
    }

    [DataFact("digits")]
    public async Task A_single_fidelity_tuner_gives_every_trial_the_runners_full_epochs()
    {
        TorchTestEnvironment.Initialise();
        var split = TestData.Split;
        var runner = new CnnTrialRunner(split.Train.Take(64), split.Validation.Take(32),
            new CnnTrialRunnerOptions { MinEpochs = 1, MaxEpochs = 2, MaxThreads = 1 });
        var result = await new MLContext(seed: 0).Nas().ImageClassification(runner, TinySpace)
            .SetTuner((space, seed) => new RandomSearchTuner(space, seed))
            .SetMaxTrials(2)
            .RunAsync();

        result.BudgetRange.Should().Be(new BudgetRange(1, 2));
        result.Trials.Should().OnlyContain(t => t.TrialSettings.Budget == 2 && t.SpentBudget == 2);
    }

    [DataFact("digits")]
    public async Task A_multi_fidelity_tuner_with_another_range_than_the_runners_is_refused()
    {
        TorchTestEnvironment.Initialise();
        var split = TestData.Split;
        var runner = new CnnTrialRunner(split.Train.Take(64), split.Validation.Take(32), new CnnTrialRunnerOptions { MaxEpochs = 9 });
        var act = () => new MLContext(seed: 0).Nas().ImageClassification(runner, TinySpace)
            .SetTuner((space, seed) => new BohbTuner(space, new BohbOptions { MinBudget = 1, MaxBudget = 27 }, seed))
            .RunAsync();
        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*[1, 9]*[1, 27]*");
    }

    [DataFact("digits")]
    public void A_trial_reports_its_loss_after_every_epoch_and_the_last_report_is_its_loss()
    {
        TorchTestEnvironment.Initialise();
        var split = TestData.Split;
        var runner = new CnnTrialRunner(split.Train.Take(96), split.Validation.Take(48), new CnnTrialRunnerOptions { Seed = 2, MaxThreads = 1, MaxEpochs = 3 });
        var settings = new TrialSettings { TrialId = 0, Parameter = TestData.Tiny().ToParameter(), Budget = 3 };

        var result = runner.Run(settings);

        settings.IntermediateValues.Select(v => v.Step).Should().Equal(1, 2, 3);
        settings.IntermediateValues[^1].Value.Should().Be(result.Loss);
        settings.IntermediateValues.Should().OnlyContain(v => double.IsFinite(v.Value));
    }

    [DataFact("digits")]
    public void Reporting_every_epoch_trains_the_same_network_as_evaluating_only_at_the_end()
    {
        TorchTestEnvironment.Initialise();
        var split = TestData.Split;
        TrialResult Train(bool report) => new CnnTrialRunner(split.Train.Take(96), split.Validation.Take(48),
                new CnnTrialRunnerOptions { Seed = 4, MaxThreads = 1, MaxEpochs = 3, ReportEpochs = report })
            .Run(new TrialSettings { TrialId = 0, Parameter = TestData.Tiny().ToParameter(), Budget = 3 });

        var observed = Train(report: true);
        var unobserved = Train(report: false);

        observed.Loss.Should().Be(unobserved.Loss);
        observed.Metric.Should().Be(unobserved.Metric);
    }

    [DataFact("digits")]
    public async Task A_trial_the_pruner_stops_is_pruned_with_its_last_epochs_loss_and_charged_only_the_epochs_it_trained()
    {
        TorchTestEnvironment.Initialise();
        var split = TestData.Split;
        var runner = new CnnTrialRunner(split.Train.Take(64), split.Validation.Take(32), new CnnTrialRunnerOptions { MaxEpochs = 4, MaxThreads = 1 });
        var result = await new MLContext(seed: 0).Nas().ImageClassification(runner, TinySpace)
            .SetTuner((space, seed) => new RandomSearchTuner(space, seed))
            .SetPruner(new StopAtStep(2))
            .SetMaxTrials(2)
            .RunAsync();

        result.Trials.Should().HaveCount(2).And.OnlyContain(t => t.Status == TrialStatus.Pruned);
        result.Trials.Should().OnlyContain(t => t.SpentBudget == 2);
        result.Trials.Should().OnlyContain(t => t.Loss == t.TrialSettings.IntermediateValues.Last().Value);
        result.Trials.Should().OnlyContain(t => t.TrialSettings.IntermediateValues.Count == 2);
        runner.GetCheckpoint(result.Trials[0].TrialSettings)!.Epochs.Should().Be(2);
    }

    // A pruner with one fixed rule, so that the test states exactly where training must stop.
    private sealed class StopAtStep(double step) : IPruner
    {
        public bool ShouldPrune(TrialCurve trial, IReadOnlyList<TrialCurve> others) => trial.Values[^1].Step >= step;
    }

    [DataFact("digits")]
    public void MinEpochs_must_lie_between_1_and_MaxEpochs()
    {
        var split = TestData.Split;
        var act = () => new CnnTrialRunner(split.Train.Take(8), split.Validation.Take(8), new CnnTrialRunnerOptions { MinEpochs = 5, MaxEpochs = 4 });
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*MinEpochs*[1, MaxEpochs (4)]*");
    }

    [DataFact("digits")]
    public async Task Searches_the_space_from_mlContext_Nas()
    {
        TorchTestEnvironment.Initialise();
        var split = TestData.Split;
        var runner = new CnnTrialRunner(split.Train.Take(120), split.Validation.Take(60),
            new CnnTrialRunnerOptions { MaxEpochs = 1, MaxThreads = 1, Objective = CnnObjective.ValidationError });
        var result = await new MLContext(seed: 0).Nas().ImageClassification(runner, SmallSpace)
            .SetTuner((space, seed) => new RandomSearchTuner(space, seed))
            .SetMaxTrials(3)
            .SetSeed(2)
            .RunAsync();

        result.Trials.Should().HaveCount(3);
        result.Trials.Should().OnlyContain(t => t.Status == TrialStatus.Succeeded || t.Status == TrialStatus.Failed);
        var best = result.EnsureSucceeded().BestTrial!;
        best.Loss.Should().BeApproximately(1 - best.Metric, 1e-12);
        using var network = runner.GetCheckpoint(best.TrialSettings.Parameter)!.CreateNetwork();
        network.ClassCount.Should().Be(10);
    }

    [DataFact("digits")]
    public void Training_releases_every_tensor_it_creates()
    {
        TorchTestEnvironment.Initialise();
        var split = TestData.Split;
        var trainer = new CnnTrainer(new CnnTrainerOptions { MaxThreads = 1 });
        trainer.Train(TestData.Tiny(), split.Train.Take(64), split.Validation.Take(32), 1); // warm-up: one-time allocations
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var result = trainer.Train(TestData.Tiny(), split.Train.Take(64), split.Validation.Take(32), 2);
        DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(before);
        result.Checkpoint.Should().NotBeNull();
    }
}
