using Microsoft.ML.NasTuners.Pruning;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Tests.Pruning;

/// <summary>Pruning inside the objective's own training loop: trials report a value per epoch, the experiment's pruner
/// judges it, and a pruned trial is recorded as such with its last value.</summary>
public class PruningInExperimentTests
{
    private const int Epochs = 9;

    private static readonly SearchSpace Space = new() { ["quality"] = new UniformDoubleOption(0, 1) };

    // A learning curve that falls towards 1 - quality: good configurations are ahead at every epoch.
    private static double LossAt(Parameter p, int epoch) => 1 - p["quality"].AsDouble() + 1.0 / epoch;

    private static async Task<(ExperimentResult Result, int Epochs)> Run(IPruner? pruner, int trials = 30)
    {
        var epochs = 0;
        var experiment = new MLContext(seed: 1).Nas().CreateExperiment()
            .SetSearchSpace(Space)
            .SetTuner((s, seed) => new RandomSearchTuner(s, seed))
            .SetObjective((p, trial, _) =>
            {
                for (var epoch = 1; epoch <= Epochs; epoch++)
                {
                    Interlocked.Increment(ref epochs);
                    if (trial.Report(epoch, LossAt(p, epoch))) trial.Prune();
                }
                return LossAt(p, Epochs);
            })
            .SetMaxTrials(trials)
            .SetSeed(3);
        if (pruner is not null) experiment.SetPruner(pruner);
        return (await experiment.RunAsync(), epochs);
    }

    [Fact]
    public async Task The_median_rule_stops_bad_trials_early_and_records_them_as_pruned_with_their_last_value()
    {
        var (result, epochs) = await Run(new MedianPruner(startupTrials: 5));

        var pruned = result.Trials.Where(t => t.Status == TrialStatus.Pruned).ToArray();
        pruned.Should().NotBeEmpty();
        result.Trials.Take(5).Should().OnlyContain(t => t.Status == TrialStatus.Succeeded, "nothing is pruned before 5 trials succeed");
        foreach (var trial in pruned)
        {
            var values = trial.TrialSettings.IntermediateValues;
            values.Count.Should().BeLessThan(Epochs);
            trial.Loss.Should().Be(values[^1].Value);
            trial.Error.Should().Contain("MedianPruner").And.Contain($"step {values[^1].Step}");
        }
        epochs.Should().BeLessThan(30 * Epochs);
    }

    [Fact]
    public async Task Pruning_keeps_the_best_trial_found_without_it_on_a_curve_where_good_is_ahead_early()
    {
        var (pruned, prunedEpochs) = await Run(new SuccessiveHalvingPruner(minResource: 1));
        var (full, fullEpochs) = await Run(null);

        // The same proposals (random search does not learn from losses); the best one survives every rung.
        pruned.BestTrial!.TrialSettings.Parameter.Equals(full.BestTrial!.TrialSettings.Parameter).Should().BeTrue();
        prunedEpochs.Should().BeLessThan(fullEpochs / 2);
        fullEpochs.Should().Be(30 * Epochs);
    }

    [Fact]
    public async Task Without_a_pruner_reports_are_kept_and_nothing_is_pruned()
    {
        var (result, _) = await Run(null, trials: 4);

        result.Trials.Should().OnlyContain(t => t.Status == TrialStatus.Succeeded && t.TrialSettings.IntermediateValues.Count == Epochs);
        result.Trials[0].TrialSettings.IntermediateValues.Select(v => v.Step).Should().Equal(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    [Fact]
    public async Task An_objective_may_prune_itself_without_a_pruner()
    {
        var result = await new MLContext(seed: 1).Nas().CreateExperiment().SetSearchSpace(Space)
            .SetObjective((p, trial, _) =>
            {
                trial.Report(1, 0.75);
                throw new TrialPrunedException("diverging");
            })
            .SetMaxTrials(2).RunAsync();

        result.Trials.Should().OnlyContain(t => t.Status == TrialStatus.Pruned && t.Loss == 0.75 && t.Error == "diverging");
    }

    [Fact]
    public void A_trial_made_by_hand_keeps_its_own_reports()
    {
        var trial = new TrialSettings { TrialId = 3 };

        trial.Report(2, 0.5).Should().BeFalse();
        trial.Report(1, 0.7).Should().BeFalse();
        trial.Report(2, 0.4);

        trial.IntermediateValues.Should().Equal(new IntermediateValue(1, 0.7), new IntermediateValue(2, 0.4));
        trial.ShouldPrune().Should().BeFalse();
        trial.Invoking(t => t.Report(double.NaN, 1)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*step*");
        trial.Invoking(t => t.Prune()).Should().Throw<TrialPrunedException>();
    }
}
