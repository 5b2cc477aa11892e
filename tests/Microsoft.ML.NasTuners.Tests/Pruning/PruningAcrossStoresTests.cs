using Microsoft.ML.NasTuners.Pruning;
using Microsoft.ML.NasTuners.Storage;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Tests.Pruning;

/// <summary>Pruning with a study in a store: every report is written there, and a trial is judged against every curve of
/// the study, including those another process or an earlier run wrote.</summary>
public sealed class PruningAcrossStoresTests : IDisposable
{
    private const int Epochs = 9;

    private static readonly SearchSpace Space = new() { ["quality"] = new UniformDoubleOption(0, 1) };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nastuners-prune-" + Guid.NewGuid().ToString("N"));

    private string File => Path.Combine(_folder, "studies.db");

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    // A learning curve that falls towards 1 - quality: good configurations are ahead at every epoch.
    private static double LossAt(Parameter p, int epoch) => 1 - p["quality"].AsDouble() + 1.0 / epoch;

    private static Parameter Quality(double q) =>
        Parameter.CreateNestedParameter(new KeyValuePair<string, Parameter>("quality", Parameter.FromDouble(q)));

    // Runs the given qualities, in order, and nothing else (max trials counts the study's earlier trials too).
    private static Task<ExperimentResult> Run(ITrialStore? store, int maxTrials, IPruner? pruner, params double[] qualities)
    {
        var experiment = new MLContext(seed: 1).Nas().CreateExperiment()
            .SetSearchSpace(Space)
            .SetTuner((s, seed) => new RandomSearchTuner(s, seed))
            .SetObjective((p, trial, _) =>
            {
                for (var epoch = 1; epoch <= Epochs; epoch++)
                    if (trial.Report(epoch, LossAt(p, epoch))) trial.Prune();
                return LossAt(p, Epochs);
            })
            .SetMaxTrials(maxTrials)
            .SetSeed(3);
        foreach (var q in qualities) experiment.Enqueue(Quality(q));
        if (store is not null) experiment.SetStudy("shared", store);
        if (pruner is not null) experiment.SetPruner(pruner);
        return experiment.RunAsync();
    }

    [Fact]
    public async Task A_bad_trial_is_pruned_at_its_first_step_because_of_the_curves_another_experiment_left_in_the_sqlite_study()
    {
        // Experiment A, with a store of its own on the file (as another process would have), trains five good
        // configurations to the end without a pruner.
        using (var first = new SqliteTrialStore(File))
            (await Run(first, 5, null, 0.9, 0.85, 0.8, 0.95, 0.75)).Trials.Should().OnlyContain(t => t.Status == TrialStatus.Succeeded);

        // Experiment B opens the study with its own store and a median pruner that waits for 5 succeeded trials.
        using var second = new SqliteTrialStore(File);
        var b = await Run(second, 6, new MedianPruner(startupTrials: 5), 0.1);

        var bad = b.Trials.Single(t => t.TrialSettings.TrialId == 5);
        bad.Status.Should().Be(TrialStatus.Pruned);
        bad.Error.Should().Contain("pruned at step 1");
        var stored = second.GetTrials("shared");
        stored.Should().HaveCount(6);
        stored.Take(5).Should().OnlyContain(t => t.IntermediateValues.Count == Epochs, "A wrote every report of its trials");
        stored[5].Status.Should().Be(TrialStatus.Pruned);
        stored[5].Loss.Should().Be(LossAt(Quality(0.1), 1), "a pruned trial keeps its last value as its loss");
        stored[5].IntermediateValues.Should().Equal([new IntermediateValue(1, LossAt(Quality(0.1), 1))]);

        // Without the store B has no curve to compare with, and the same pruner lets the trial train to the end.
        var alone = await Run(null, 1, new MedianPruner(startupTrials: 5), 0.1);
        alone.Trials.Single().Status.Should().Be(TrialStatus.Succeeded);
        alone.Trials.Single().TrialSettings.IntermediateValues.Should().HaveCount(Epochs);
    }

    [Fact]
    public async Task A_good_trial_of_the_second_experiment_is_not_pruned_and_the_study_keeps_every_curve()
    {
        using (var first = new SqliteTrialStore(File))
            await Run(first, 5, null, 0.5, 0.45, 0.4, 0.55, 0.35);

        using var second = new SqliteTrialStore(File);
        var b = await Run(second, 7, new MedianPruner(startupTrials: 5), 0.99, 0.01);

        b.Trials.Single(t => t.TrialSettings.TrialId == 5).Status.Should().Be(TrialStatus.Succeeded, "it is ahead of A's median at every step");
        b.Trials.Single(t => t.TrialSettings.TrialId == 6).Status.Should().Be(TrialStatus.Pruned);
        var stored = second.GetTrials("shared");
        stored[5].IntermediateValues.Should().HaveCount(Epochs);
        stored[5].IntermediateValues.Select(v => v.Value).Should().Equal(b.Trials.Single(t => t.TrialSettings.TrialId == 5).TrialSettings.IntermediateValues.Select(v => v.Value));
    }

    [Fact]
    public async Task Within_one_run_a_store_changes_no_decision_and_holds_what_the_trials_reported()
    {
        using var store = new InMemoryTrialStore();
        var qualities = Enumerable.Range(0, 12).Select(i => (i * 7 % 12) / 12.0).ToArray();

        var stored = await Run(store, 12, new MedianPruner(startupTrials: 3), qualities);
        var alone = await Run(null, 12, new MedianPruner(startupTrials: 3), qualities);

        stored.Trials.Select(t => t.Status).Should().Equal(alone.Trials.Select(t => t.Status));
        stored.Trials.Should().Contain(t => t.Status == TrialStatus.Pruned);
        var kept = store.GetTrials("shared");
        foreach (var trial in stored.Trials)
            kept[trial.TrialSettings.TrialId].IntermediateValues.Should().Equal(trial.TrialSettings.IntermediateValues);
    }
}
