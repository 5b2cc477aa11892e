using Microsoft.ML.NasTuners.Surrogates.Gp;

namespace Microsoft.ML.NasTuners.Tests.Surrogates.Gp;

public class SliceSamplerTests
{
    private static (double Mean, double Variance) Moments(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return (mean, values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    [Fact]
    public void Samples_of_a_gamma_density_have_its_mean_and_variance()
    {
        // Gamma(shape 3, rate 2): mean 1.5, variance 0.75.
        var prior = new GammaPrior(3, 2);
        var sampler = new SliceSampler(x => prior.LogDensity(x[0]), [0], [100]);
        var random = new Random(11);
        var x = new[] { 1.0 };
        var samples = new List<double>();
        for (var i = 0; i < 20000; i++)
        {
            x = sampler.SweepCoordinates(x, random);
            if (i >= 100) samples.Add(x[0]);
        }
        var (mean, variance) = Moments(samples);
        mean.Should().BeApproximately(1.5, 0.04);
        variance.Should().BeApproximately(0.75, 0.05);
    }

    [Fact]
    public void Random_direction_moves_sample_a_correlated_gaussian()
    {
        // Bivariate normal, unit variances, correlation 0.8, truncated far out.
        const double rho = 0.8;
        var sampler = new SliceSampler(x => -(x[0] * x[0] - 2 * rho * x[0] * x[1] + x[1] * x[1]) / (2 * (1 - rho * rho)), [-10, -10], [10, 10]);
        var random = new Random(12);
        var x = new[] { 0.0, 0.0 };
        var first = new List<double>();
        var products = new List<double>();
        for (var i = 0; i < 30000; i++)
        {
            x = sampler.StepRandomDirection(x, random);
            if (i < 200) continue;
            first.Add(x[0]);
            products.Add(x[0] * x[1]);
        }
        var (mean, variance) = Moments(first);
        mean.Should().BeApproximately(0, 0.1);
        variance.Should().BeApproximately(1, 0.1);
        products.Average().Should().BeApproximately(rho, 0.1);
    }

    [Fact]
    public void Samples_stay_within_the_bounds()
    {
        var sampler = new SliceSampler(_ => 0, [0, -1], [1, 2]);
        var random = new Random(1);
        var x = new[] { 0.5, 0.5 };
        for (var i = 0; i < 500; i++)
        {
            x = sampler.SweepCoordinates(x, random);
            x[0].Should().BeInRange(0, 1);
            x[1].Should().BeInRange(-1, 2);
        }
    }

    [Fact]
    public void A_start_without_density_is_refused()
    {
        var sampler = new SliceSampler(x => x[0] > 0 ? 0 : double.NegativeInfinity, [-1], [1]);
        sampler.Invoking(s => s.SweepCoordinates([-0.5], new Random(1))).Should().Throw<ArgumentException>().WithMessage("*zero density*");
    }
}
