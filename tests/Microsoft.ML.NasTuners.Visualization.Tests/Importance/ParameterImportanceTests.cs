namespace Microsoft.ML.NasTuners.Visualization.Tests.Importance;

/// <summary>Permutation importance on the random forest: the parameters the loss depends on come first, and the
/// scores are reproducible from the seed.</summary>
public class ParameterImportanceTests
{
    [Fact]
    public void A_loss_driven_by_one_number_puts_that_number_first_with_most_of_the_share()
    {
        var study = Studies.Synthetic(120, (x, y, _) => 10 * x + 0.1 * y);

        var scores = ParameterImportance.Compute(study, seed: 1);

        scores.Select(s => s.Parameter).Should().BeEquivalentTo("x", "y", "c");
        scores[0].Parameter.Should().Be("x");
        scores[0].Share.Should().BeGreaterThan(0.9);
        scores.Single(s => s.Parameter == "c").Share.Should().BeLessThan(0.02, "the loss does not depend on c");
        scores.Sum(s => s.Share).Should().BeApproximately(1, 1e-9);
    }

    [Fact]
    public void A_loss_driven_by_a_choice_puts_the_choice_first()
    {
        var study = Studies.Synthetic(120, (x, _, c) => (c == "b" ? 5 : 0) + 0.1 * x);

        var scores = ParameterImportance.Compute(study, seed: 1);

        scores[0].Parameter.Should().Be("c");
        scores[0].Share.Should().BeGreaterThan(0.9);
        scores[0].ErrorIncrease.Should().BeGreaterThan(1, "shuffling c scrambles a 5-point step in the loss");
    }

    [Fact]
    public void The_same_seed_gives_the_same_scores_and_another_seed_may_not()
    {
        var study = Studies.Synthetic(60, (x, y, c) => x * y + (c == "a" ? 0.3 : 0));

        ParameterImportance.Compute(study, seed: 4).Should().Equal(ParameterImportance.Compute(study, seed: 4));
        ParameterImportance.Compute(study, seed: 5).Select(s => s.ErrorIncrease)
            .Should().NotEqual(ParameterImportance.Compute(study, seed: 4).Select(s => s.ErrorIncrease));
    }

    [Fact]
    public void Fewer_than_the_minimum_of_succeeded_trials_give_no_scores()
    {
        ParameterImportance.Compute(Studies.Synthetic(ParameterImportance.MinTrials - 1, (x, _, _) => x)).Should().BeEmpty();
        ParameterImportance.Compute(Studies.Synthetic(ParameterImportance.MinTrials, (x, _, _) => x)).Should().HaveCount(3);
    }
}
