using MathNet.Numerics.Distributions;
using Microsoft.ML.NasTuners.Acquisition.Gp;

namespace Microsoft.ML.NasTuners.Tests.Acquisition.Gp;

public class ExpectedImprovementTests
{
    [Theory]
    [InlineData(0, 1, 0, 0.3989422804014327)] // σ φ(0)
    [InlineData(1, 2, 0.5, 0.5726893964471604)]
    [InlineData(-2, 0.5, 0, 2.000003572629216)] // far below best: ≈ best − μ
    [InlineData(3, 1, 0, 3.8215431704772054e-4)]
    public void Expected_improvement_matches_closed_form_values(double mean, double sd, double best, double expected)
    {
        ExpectedImprovement.Value(mean, sd, best).Should().BeApproximately(expected, 1e-12 * Math.Max(1, expected));
    }

    [Theory]
    [InlineData(0.3, 1.1, 0.9)]
    [InlineData(2.5, 0.7, 0.1)]
    [InlineData(-1, 2, 0)]
    public void Expected_improvement_equals_the_textbook_formula(double mean, double sd, double best)
    {
        var z = (best - mean) / sd;
        var textbook = (best - mean) * Normal.CDF(0, 1, z) + sd * Normal.PDF(0, 1, z);
        ExpectedImprovement.Value(mean, sd, best).Should().BeApproximately(textbook, 1e-12);
    }

    [Fact]
    public void Log_EI_stays_finite_and_smooth_deep_in_the_tail()
    {
        // At z = −40, EI ≈ φ(40)/40² ≈ 1e-351: zero in doubles, but log EI ≈ −806.
        var log = ExpectedImprovement.LogValue(40, 1, 0);
        double.IsFinite(log).Should().BeTrue();
        log.Should().BeApproximately(-0.5 * 1600 - 0.5 * Math.Log(2 * Math.PI) - 2 * Math.Log(40), 0.01);

        // Continuous where the continued fraction takes over (z = −5).
        ExpectedImprovement.LogValue(5 - 1e-9, 1, 0).Should().BeApproximately(ExpectedImprovement.LogValue(5 + 1e-9, 1, 0), 1e-6);
        ExpectedImprovement.LogValue(5, 1, 0).Should().BeApproximately(Math.Log(5.3461655338324783e-8), 1e-6);
    }

    [Theory]
    [InlineData(0.2, 0.8, 0.1)]
    [InlineData(7, 1, 0)]
    [InlineData(30, 1.5, 0)]
    public void Log_EI_gradients_match_finite_differences(double mean, double sd, double best)
    {
        ExpectedImprovement.LogValueWithGradient(mean, sd, best, out var dMean, out var dSd);
        const double h = 1e-6;
        dMean.Should().BeApproximately((ExpectedImprovement.LogValue(mean + h, sd, best) - ExpectedImprovement.LogValue(mean - h, sd, best)) / (2 * h), 1e-4 * Math.Max(1, Math.Abs(dMean)));
        dSd.Should().BeApproximately((ExpectedImprovement.LogValue(mean, sd + h, best) - ExpectedImprovement.LogValue(mean, sd - h, best)) / (2 * h), 1e-4 * Math.Max(1, Math.Abs(dSd)));
    }

    [Fact]
    public void Without_uncertainty_EI_is_the_plain_improvement()
    {
        ExpectedImprovement.Value(1, 0, 3).Should().Be(2);
        ExpectedImprovement.LogValue(3, 0, 1).Should().Be(double.NegativeInfinity);
    }
}
