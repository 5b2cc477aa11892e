using Microsoft.ML.NasTuners.Surrogates.Gp;

namespace Microsoft.ML.NasTuners.Tests.Surrogates.Gp;

public class HyperparameterEstimatorTests
{
    private static GaussianProcess<double[]> Gp()
    {
        var x = GpTestData.RandomPoints(20, 2, seed: 5);
        var gp = new GaussianProcess<double[]>(new Matern52Ard(2));
        gp.Fit(x, x.Select(p => Math.Sin(6 * p[0]) + 0.1 * p[1]).ToArray());
        return gp;
    }

    [Fact]
    public void Map_estimation_raises_the_posterior_density_and_finds_the_irrelevant_dimension()
    {
        var gp = Gp();
        var before = gp.LogPosterior(gp.GetTheta(), default);
        var result = new MapEstimator().Estimate(gp, new Random(1));

        result.Should().ContainSingle();
        gp.GetTheta().Should().Equal(result[0]);
        gp.LogPosterior(result[0], default).Should().BeGreaterThan(before);
        var kernel = (Matern52Ard)gp.Kernel;
        kernel.LengthScale(1).Value.Should().BeGreaterThan(kernel.LengthScale(0).Value);
    }

    [Fact]
    public void Slice_sampling_returns_distinct_samples_within_bounds_and_continues_its_chain()
    {
        var gp = Gp();
        var estimator = new SliceSamplingEstimator(sampleCount: 6, initialBurnIn: 10, burnIn: 1);
        var samples = estimator.Estimate(gp, new Random(2));
        var (lower, upper) = gp.ThetaBounds();

        samples.Should().HaveCount(6);
        samples.Distinct().Should().HaveCount(6);
        samples.Should().OnlyContain(s => s.Select((v, i) => v >= lower[i] && v <= upper[i]).All(b => b));
        var first = estimator.LastEvaluations;
        estimator.Estimate(gp, new Random(3));
        estimator.LastEvaluations.Should().BeLessThan(first, "the second call is warm-started with a shorter burn-in");
    }

    [Fact]
    public void Estimation_is_reproducible_for_a_seed()
    {
        var a = new SliceSamplingEstimator(sampleCount: 3, initialBurnIn: 5).Estimate(Gp(), new Random(4));
        var b = new SliceSamplingEstimator(sampleCount: 3, initialBurnIn: 5).Estimate(Gp(), new Random(4));
        a.Should().BeEquivalentTo(b, o => o.WithStrictOrdering());
    }
}
