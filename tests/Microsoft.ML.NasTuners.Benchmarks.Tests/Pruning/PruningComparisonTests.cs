using Microsoft.ML.NasTuners.Benchmarks.Pruning;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests.Pruning;

public class PruningComparisonTests
{
    private static Task<PruningRun> Run(string pruner, long epochs = 5 * 81) =>
        PruningComparison.RunAsync(BenchmarkTuners.CreateRegistry(), "mf_hartmann6", "random", pruner, seed: 1, epochs);

    [Fact]
    public async Task Without_pruning_every_trial_trains_every_epoch_until_the_epochs_are_spent()
    {
        var run = await Run("none");

        run.FullTrainings.Should().Be(5);
        run.Pruned.Should().Be(0);
        run.Trials.Should().Be(6, "the sixth trial starts and is cut short by the end of the epochs");
        run.Epochs.Should().Be(5 * 81);
    }

    [Fact]
    public async Task Pruning_spends_the_same_epochs_on_more_trials_and_scores_only_finished_ones()
    {
        var none = await Run("none", 20 * 81);
        var asha = await Run("asha", 20 * 81);

        asha.Epochs.Should().Be(none.Epochs);
        asha.Pruned.Should().BeGreaterThan(0);
        asha.Trials.Should().BeGreaterThan(none.Trials);
        asha.FullTrainings.Should().BeLessThan(none.FullTrainings);
        double.IsFinite(asha.Regret).Should().BeTrue();
    }

    [Fact]
    public async Task Runs_reproduce_from_the_seed()
    {
        (await Run("median", 10 * 81)).Should().Be(await Run("median", 10 * 81));
    }

    [Fact]
    public async Task A_problem_without_budgets_or_an_unknown_pruner_is_refused()
    {
        var noBudget = () => PruningComparison.RunAsync(BenchmarkTuners.CreateRegistry(), "branin", "random", "none", 1, 100);
        var unknown = () => PruningComparison.RunAsync(BenchmarkTuners.CreateRegistry(), "mf_hartmann6", "random", "wild", 1, 100);

        await noBudget.Should().ThrowAsync<ArgumentException>().WithMessage("*branin*budget range*");
        await unknown.Should().ThrowAsync<ArgumentException>().WithMessage("*wild*none, median, percentile, asha, hyperband*");
    }
}
