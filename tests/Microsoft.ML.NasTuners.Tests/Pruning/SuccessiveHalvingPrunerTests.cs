using Microsoft.ML.NasTuners.Pruning;
using static Microsoft.ML.NasTuners.Tests.Pruning.Curves;

namespace Microsoft.ML.NasTuners.Tests.Pruning;

public class SuccessiveHalvingPrunerTests
{
    [Fact]
    public void Rungs_sit_at_min_resource_times_powers_of_eta()
    {
        var pruner = new SuccessiveHalvingPruner(minResource: 1, reductionFactor: 3, minEarlyStoppingRate: 1);

        new[] { 0, 1, 2 }.Select(pruner.RungStep).Should().Equal(3, 9, 27);
    }

    [Fact]
    public void At_a_rung_a_trial_goes_on_only_among_the_best_third_of_those_that_reached_it()
    {
        var pruner = new SuccessiveHalvingPruner(minResource: 1, reductionFactor: 3);
        // Five others reached rung 0 (step 1) with 1..5: with this trial six values, the best two go on.
        var others = Enumerable.Range(1, 5).Select(i => Running(i, i)).ToArray();

        pruner.ShouldPrune(Running(9, 1.5), others).Should().BeFalse("1.5 is second of six");
        pruner.ShouldPrune(Running(9, 2.5), others).Should().BeTrue("2.5 is third of six");
    }

    [Fact]
    public void Fewer_than_eta_at_a_rung_keep_only_the_best()
    {
        var pruner = new SuccessiveHalvingPruner(minResource: 1, reductionFactor: 3);

        pruner.ShouldPrune(Running(9, 0.5), [Running(1, 1)]).Should().BeFalse();
        pruner.ShouldPrune(Running(9, 2), [Running(1, 1)]).Should().BeTrue();
        pruner.ShouldPrune(Running(9, 7), []).Should().BeFalse("the first trial at a rung is its best");
    }

    [Fact]
    public void A_rung_is_judged_once_when_first_crossed_and_steps_between_rungs_are_not_judged()
    {
        var pruner = new SuccessiveHalvingPruner(minResource: 1, reductionFactor: 3);
        var others = Enumerable.Range(1, 5).Select(i => Running(i, i, i, i)).ToArray();

        // Promoted at step 1 (value 1); steps 2 is not a rung; step 3 is rung 1, where it is worst.
        pruner.ShouldPrune(Running(9, 1, 100), others).Should().BeFalse();
        pruner.ShouldPrune(Running(9, 1, 100, 100), others).Should().BeTrue();
    }

    [Fact]
    public void Bad_arguments_are_refused_naming_them()
    {
        ((Action)(() => new SuccessiveHalvingPruner(0))).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*minResource*");
        ((Action)(() => new SuccessiveHalvingPruner(1, reductionFactor: 1.5))).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*reductionFactor*");
        ((Action)(() => new SuccessiveHalvingPruner(1, minEarlyStoppingRate: -1))).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*minEarlyStoppingRate*");
    }
}
