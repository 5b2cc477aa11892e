using Microsoft.ML.NasTuners.Surrogates.Gp;

namespace Microsoft.ML.NasTuners.Tests.Surrogates.Gp;

public class PriorTests
{
    public static TheoryData<IPrior, double> Priors => new()
    {
        { new LogNormalPrior(0.5, 1), 0.3 },
        { new GammaPrior(3, 6), 0.7 },
        { new HorseshoePrior(0.1), 0.02 },
        { new NormalPrior(1, 2), -0.4 },
    };

    [Theory]
    [MemberData(nameof(Priors))]
    public void Derivatives_match_finite_differences(IPrior prior, double at)
    {
        var numeric = GpTestData.Derivative(x => prior.LogDensity(x[0]), [at], 0, 1e-7);
        prior.LogDensityDerivative(at).Should().BeApproximately(numeric, 1e-5 * Math.Max(1, Math.Abs(numeric)));
    }

    [Fact]
    public void A_log_scaled_hyper_parameter_adds_the_jacobian_so_a_log_normal_is_normal_in_theta()
    {
        var h = new Hyperparameter("l", 1, 1e-3, 1e3, new LogNormalPrior(0.5, 0.7));
        var atMedian = h.LogPriorOfTheta(Math.Log(0.5));
        // Normal in theta: symmetric around log(median).
        h.LogPriorOfTheta(Math.Log(0.5) + 0.3).Should().BeApproximately(h.LogPriorOfTheta(Math.Log(0.5) - 0.3), 1e-12);
        h.LogPriorOfTheta(Math.Log(0.5) + 0.3).Should().BeLessThan(atMedian);
        h.LogPriorGradientOfTheta(Math.Log(0.5)).Should().BeApproximately(0, 1e-12);
        h.LogPriorOfTheta(Math.Log(2e3)).Should().Be(double.NegativeInfinity);
    }

    [Fact]
    public void Values_are_clamped_to_the_bounds_and_bad_bounds_are_refused()
    {
        var h = new Hyperparameter("l", 5, 0.01, 2, FlatPrior.Instance);
        h.Value.Should().Be(2);
        FluentActions.Invoking(() => new Hyperparameter("l", 1, 0, 2, FlatPrior.Instance))
            .Should().Throw<ArgumentException>().WithMessage("*'l'*lower > 0*");
    }
}
