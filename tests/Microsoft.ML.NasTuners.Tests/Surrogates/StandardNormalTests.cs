using MathNet.Numerics;
using Microsoft.ML.NasTuners.Surrogates;

namespace Microsoft.ML.NasTuners.Tests.Surrogates;

public class StandardNormalTests
{
    [Fact]
    public void The_fast_erfc_matches_MathNet_to_a_relative_1e_9_including_far_tails()
    {
        for (var x = -6.0; x <= 26; x += 0.00731)
        {
            var expected = SpecialFunctions.Erfc(x);
            StandardNormal.Erfc(x).Should().BeApproximately(expected, 1e-9 * expected, $"x = {x}");
        }
    }

    [Theory]
    [InlineData(-1.0, 2.0)]
    [InlineData(3.0, 3.001)]
    [InlineData(-30.0, -29.99)]
    [InlineData(20.0, 21.0)]
    [InlineData(-0.05, 0.04)]
    [InlineData(0.5, 0.6)]
    public void Interval_masses_keep_their_relative_precision(double a, double b)
    {
        // Reference: erfc differences in the tail where they do not cancel, by MathNet at full precision.
        var expected = a >= 0 ? 0.5 * (SpecialFunctions.Erfc(a / Math.Sqrt(2)) - SpecialFunctions.Erfc(b / Math.Sqrt(2)))
            : b <= 0 ? 0.5 * (SpecialFunctions.Erfc(-b / Math.Sqrt(2)) - SpecialFunctions.Erfc(-a / Math.Sqrt(2)))
            : 1 - 0.5 * (SpecialFunctions.Erfc(-a / Math.Sqrt(2)) + SpecialFunctions.Erfc(b / Math.Sqrt(2)));
        StandardNormal.Mass(a, b).Should().BeGreaterThan(0).And.BeApproximately(expected, 1e-8 * expected);
    }

    [Fact]
    public void Truncated_draws_stay_in_their_interval_even_in_a_far_tail()
    {
        var random = new Random(3);
        foreach (var (a, b) in new[] { (-1.0, 1.0), (5.0, 9.0), (-40.0, -39.0), (0.0, 0.001) })
        {
            for (var i = 0; i < 1000; i++)
                StandardNormal.SampleTruncated(random, a, b).Should().BeInRange(a, b);
        }
    }

    [Fact]
    public void Truncated_draws_end_for_every_interval_even_a_single_point_at_zero()
    {
        var random = new Random(4);
        // a = b = 0 mirrors onto itself: the draw must still end (it once recursed forever).
        StandardNormal.SampleTruncated(random, 0, 0).Should().Be(0);
        StandardNormal.SampleTruncated(random, 2.5, 2.5).Should().Be(2.5);
        StandardNormal.SampleTruncated(random, 0, 3).Should().BeInRange(0, 3);
        StandardNormal.SampleTruncated(random, -1e308, 1e308).Should().BeInRange(-1e308, 1e308);
    }

    [Fact]
    public void A_reversed_or_undefined_interval_is_refused()
    {
        var random = new Random(4);
        FluentActions.Invoking(() => StandardNormal.SampleTruncated(random, 1, 0)).Should().Throw<ArgumentException>().WithMessage("*a <= b*");
        FluentActions.Invoking(() => StandardNormal.SampleTruncated(random, double.NaN, 0)).Should().Throw<ArgumentException>();
    }
}
