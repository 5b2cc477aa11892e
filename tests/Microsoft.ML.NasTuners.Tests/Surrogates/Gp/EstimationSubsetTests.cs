using Microsoft.ML.NasTuners.Surrogates.Gp;

namespace Microsoft.ML.NasTuners.Tests.Surrogates.Gp;

public class EstimationSubsetTests
{
    [Fact]
    public void Up_to_the_size_every_observation_is_used()
    {
        EstimationSubset.Choose([3, 1, 2], 3).Should().Equal(0, 1, 2);
        EstimationSubset.Choose([3, 1], 200).Should().Equal(0, 1);
    }

    [Fact]
    public void Past_the_size_it_takes_the_best_half_and_spreads_the_rest_over_the_run()
    {
        var random = new Random(9);
        var losses = Enumerable.Range(0, 500).Select(_ => random.NextDouble()).ToArray();

        var subset = EstimationSubset.Choose(losses, 200);

        subset.Should().HaveCount(200).And.OnlyHaveUniqueItems().And.BeInAscendingOrder();
        var best = Enumerable.Range(0, 500).OrderBy(i => losses[i]).Take(100);
        subset.Should().Contain(best);
        var others = subset.Except(best).ToArray();
        others.Should().Contain(i => i < 50, "the early, space-filling trials are represented").And.Contain(i => i >= 450);
    }

    [Fact]
    public void The_subset_is_the_same_for_the_same_losses()
    {
        var losses = Enumerable.Range(0, 300).Select(i => Math.Sin(i)).ToArray();

        EstimationSubset.Choose(losses, 50).Should().Equal(EstimationSubset.Choose(losses, 50));
    }

    [Fact]
    public void A_subset_of_a_GP_keeps_its_standardisation_so_its_hyper_parameters_carry_over()
    {
        var x = GpTestData.RandomPoints(30, 2, seed: 6);
        var gp = new GaussianProcess<double[]>(new Matern52Ard(2));
        gp.Fit(x, x.Select(GpTestData.Smooth).ToArray());
        var whole = gp.Subset(Enumerable.Range(0, 30).ToArray());
        var part = gp.Subset([0, 5, 10, 29]);

        part.Count.Should().Be(4);
        part.OutputMean.Should().Be(gp.OutputMean);
        part.OutputScale.Should().Be(gp.OutputScale);
        part.Inputs.Should().Equal(x[0], x[5], x[10], x[29]);
        whole.LogMarginalLikelihood().Should().Be(gp.LogMarginalLikelihood());
        part.SetTheta(part.GetTheta().Select(t => t + 0.1).ToArray());
        gp.GetTheta().Should().NotEqual(part.GetTheta(), "the subset's hyper-parameters are its own");
    }
}
