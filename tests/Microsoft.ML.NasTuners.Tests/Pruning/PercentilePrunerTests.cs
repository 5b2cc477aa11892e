using Microsoft.ML.NasTuners.Pruning;
using static Microsoft.ML.NasTuners.Tests.Pruning.Curves;

namespace Microsoft.ML.NasTuners.Tests.Pruning;

public class PercentilePrunerTests
{
    // Five succeeded trials whose values at step 2 are 1..5: the median is 3, the 25th percentile 2.
    private static readonly TrialCurve[] Finished = Enumerable.Range(1, 5).Select(i => Done(i, 10, i, i)).ToArray();

    [Fact]
    public void The_median_rule_prunes_a_trial_whose_best_so_far_is_worse_than_the_median_at_its_step()
    {
        var pruner = new MedianPruner();

        pruner.ShouldPrune(Running(9, 10, 3.5), Finished).Should().BeTrue();
        pruner.ShouldPrune(Running(9, 10, 2.5), Finished).Should().BeFalse();
        pruner.ShouldPrune(Running(9, 10, 3), Finished).Should().BeFalse("a value equal to the median is not worse");
    }

    [Fact]
    public void The_best_value_so_far_counts_not_the_latest()
    {
        // Step 3: the others' median is 3; this trial reached 2 at step 1 and stands at 4 now.
        var others = Enumerable.Range(1, 5).Select(i => Done(i, 10, 10, i)).ToArray();

        new MedianPruner().ShouldPrune(Running(9, 2, 5, 4), others).Should().BeFalse();
    }

    [Fact]
    public void A_lower_percentile_prunes_more()
    {
        var quartile = new PercentilePruner(new PercentilePrunerOptions { Percentile = 25 });

        quartile.ShouldPrune(Running(9, 10, 2.5), Finished).Should().BeTrue();
        quartile.ShouldPrune(Running(9, 10, 2.0), Finished).Should().BeFalse();
    }

    [Fact]
    public void Nothing_is_pruned_before_the_startup_trials_have_succeeded_or_during_warm_up()
    {
        var running = Enumerable.Range(1, 5).Select(i => Running(i, 10, i, i)).ToArray();

        new MedianPruner().ShouldPrune(Running(9, 10, 100), Finished.Take(4).ToArray()).Should().BeFalse("only 4 succeeded");
        new MedianPruner().ShouldPrune(Running(9, 10, 100), running).Should().BeFalse("running trials are not among the succeeded");
        new MedianPruner(warmupSteps: 3).ShouldPrune(Running(9, 10, 100), Finished).Should().BeFalse("step 2 is in the warm-up");
        new MedianPruner(startupTrials: 0, minTrialsAtStep: 6).ShouldPrune(Running(9, 10, 100), Finished).Should().BeFalse("only 5 reported at step 2");
    }

    [Fact]
    public void Options_out_of_range_are_refused_naming_them()
    {
        var act = () => new PercentilePruner(new PercentilePrunerOptions { Percentile = 0 });
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Percentile*(0, 100]*");
        ((Action)(() => new MedianPruner(startupTrials: -1))).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*StartupTrials*");
    }
}
