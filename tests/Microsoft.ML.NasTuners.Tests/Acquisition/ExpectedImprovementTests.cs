using MathNet.Numerics.Distributions;
using Microsoft.ML.NasTuners.Acquisition;

namespace Microsoft.ML.NasTuners.Tests.Acquisition;

public class ExpectedImprovementTests
{
    [Fact]
    public void Expected_improvement_matches_a_hand_computed_value()
    {
        // z = (0.5 - 1) / 2 = -0.25; EI = 2 (φ(-0.25) - 0.25 Φ(-0.25)) = 2 (0.386668117 - 0.25 * 0.401293674).
        ExpectedImprovement.Value(1, 2, 0.5).Should().BeApproximately(0.57268939644716028, 1e-14);
        // Far better than the best: EI ≈ best - mean.
        ExpectedImprovement.Value(-10, 0.1, 0).Should().BeApproximately(10, 1e-12);
        ExpectedImprovement.Value(0, 1, 0).Should().BeApproximately(0.3989422804014327, 1e-15);
    }

    [Theory]
    [InlineData(3, 1.0987396653277077727)]
    [InlineData(0, -0.91893853320467274178)]
    [InlineData(-3, -7.8696860596030285171)]
    [InlineData(-5, -16.744301162660990143)]
    [InlineData(-6, -22.578879392169797367)]
    [InlineData(-10, -55.553122036122355927)]
    [InlineData(-20, -206.91783850942509785)]
    [InlineData(-39, -768.74802969285009694)]
    [InlineData(-41, -848.84786361724031044)]
    [InlineData(-100, -5010.1295788002497923)]
    [InlineData(-1e4, -50000019.339619307157)]
    public void Log_EI_is_accurate_far_in_the_tail_where_EI_underflows(double z, double expected)
    {
        // Reference values of log(φ(z) + zΦ(z)) from 50-digit arithmetic (mpmath).
        var logEi = ExpectedImprovement.Log(-z, 1, 0);
        logEi.Should().BeApproximately(expected, Math.Abs(expected) * 1e-12 + 1e-12);
    }

    [Fact]
    public void Log_EI_increases_with_z_across_its_branches()
    {
        var previous = double.NegativeInfinity;
        for (var z = -60.0; z <= 5; z += 0.01)
        {
            var value = ExpectedImprovement.Log(-z, 1, 0);
            double.IsFinite(value).Should().BeTrue();
            value.Should().BeGreaterThan(previous);
            previous = value;
        }
    }

    [Fact]
    public void Tiny_EI_stays_positive_and_a_zero_sd_gives_the_plain_improvement()
    {
        ExpectedImprovement.Value(30, 1, 0).Should().BeGreaterThan(0);
        ExpectedImprovement.Log(1e6, 1e-3, 0).Should().BeLessThan(-1e17).And.NotBe(double.NegativeInfinity);
        ExpectedImprovement.Value(1, 0, 3).Should().Be(2);
        ExpectedImprovement.Log(3, 0, 1).Should().Be(double.NegativeInfinity);
        FluentActions.Invoking(() => ExpectedImprovement.Log(0, -1, 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("sd");
        FluentActions.Invoking(() => ExpectedImprovement.Log(double.NaN, 1, 0)).Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(0.3, 1.1, 0.9)]
    [InlineData(2.5, 0.7, 0.1)]
    [InlineData(-1, 2, 0)]
    [InlineData(3, 1, 0)]
    public void Expected_improvement_equals_the_textbook_formula(double mean, double sd, double best)
    {
        var z = (best - mean) / sd;
        var textbook = (best - mean) * Normal.CDF(0, 1, z) + sd * Normal.PDF(0, 1, z);
        ExpectedImprovement.Value(mean, sd, best).Should().BeApproximately(textbook, 1e-12 * Math.Max(1, textbook));
    }

    [Theory]
    [InlineData(0.2, 0.8, 0.1)]
    [InlineData(4.9, 1, 0)] // either side of the switch to the continued fraction at z = -5
    [InlineData(5.1, 1, 0)]
    [InlineData(7, 1, 0)]
    [InlineData(30, 1.5, 0)]
    [InlineData(-2, 0.5, 0)]
    public void Log_EI_gradients_match_finite_differences(double mean, double sd, double best)
    {
        var value = ExpectedImprovement.LogWithGradient(mean, sd, best, out var dMean, out var dSd);
        const double h = 1e-6;
        value.Should().Be(ExpectedImprovement.Log(mean, sd, best));
        dMean.Should().BeApproximately((ExpectedImprovement.Log(mean + h, sd, best) - ExpectedImprovement.Log(mean - h, sd, best)) / (2 * h), 1e-4 * Math.Max(1, Math.Abs(dMean)));
        dSd.Should().BeApproximately((ExpectedImprovement.Log(mean, sd + h, best) - ExpectedImprovement.Log(mean, sd - h, best)) / (2 * h), 1e-4 * Math.Max(1, Math.Abs(dSd)));
    }

    [Fact]
    public void Without_uncertainty_the_gradient_is_that_of_the_plain_improvement()
    {
        ExpectedImprovement.LogWithGradient(1, 0, 3, out var dMean, out var dSd).Should().Be(Math.Log(2));
        dMean.Should().Be(-0.5);
        dSd.Should().Be(0);
        ExpectedImprovement.LogWithGradient(3, 0, 1, out dMean, out _).Should().Be(double.NegativeInfinity);
        dMean.Should().Be(0);
    }

    [Theory]
    [InlineData(0.2, 0.5, 0.0, -2.4097983883586242885)]
    [InlineData(1, 0.3, 0.0, -10.372123416255467852)]
    [InlineData(5, 0.1, 0, -1261.0487635771675086)]
    [InlineData(40, 0.5, 0, -3210.3828351244739260)]
    [InlineData(0, 3, 0, -0.97157605844962315277)]
    [InlineData(-1, 0.5, 0, -0.53062495458796457946)]
    [InlineData(0.0, 1e-6, -1e-7, -14.862664577673687256)]
    public void Log_transformed_EI_matches_high_precision_values(double mean, double sd, double bestLog, double expected)
    {
        // log(e^η Φ(v) - e^(m + s²/2) Φ(v - s)) from 50-digit arithmetic (mpmath).
        LogTransformedExpectedImprovement.Log(mean, sd, bestLog).Should().BeApproximately(expected, Math.Abs(expected) * 1e-9);
    }

    [Fact]
    public void Log_transformed_EI_equals_the_integral_of_the_improvement_of_the_loss()
    {
        // E[max(e^η - e^Y, 0)] for Y ~ N(0.3, 0.8²), η = 0.5, by the trapezoid rule.
        const double mean = 0.3, sd = 0.8, eta = 0.5;
        double integral = 0;
        const double step = 1e-4;
        for (var y = mean - 12 * sd; y < eta; y += step)
        {
            var density = Math.Exp(-0.5 * Math.Pow((y - mean) / sd, 2)) / (sd * Math.Sqrt(2 * Math.PI));
            integral += (Math.Exp(eta) - Math.Exp(y)) * density * step;
        }
        LogTransformedExpectedImprovement.Value(mean, sd, eta).Should().BeApproximately(integral, 1e-6);
        LogTransformedExpectedImprovement.Value(0, 0, 1).Should().BeApproximately(Math.E - 1, 1e-15);
        LogTransformedExpectedImprovement.Log(2, 0, 1).Should().Be(double.NegativeInfinity);
    }
}
