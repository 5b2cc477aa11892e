using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public class QuantilesTests
{
    [Theory]
    // Values from R's quantile(type = 7) and NumPy's default.
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.5, 2.5)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.25, 1.75)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.75, 3.25)]
    [InlineData(new[] { 4.0, 1, 3, 2 }, 0.75, 3.25)]
    [InlineData(new[] { 1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.25, 3.25)]
    [InlineData(new[] { 1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.5, 5.5)]
    [InlineData(new[] { 3.0, 1, 2 }, 0.5, 2)]
    [InlineData(new[] { 7.0 }, 0.25, 7)]
    [InlineData(new[] { 5.0, -1, 2 }, 0, -1)]
    [InlineData(new[] { 5.0, -1, 2 }, 1, 5)]
    [InlineData(new[] { 0.0, 10 }, 0.1, 1)]
    public void Interpolates_linearly_between_order_statistics(double[] values, double p, double expected)
    {
        Quantiles.Of(values, p).Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void Median_is_the_half_quantile()
    {
        Quantiles.Median([9, 1, 5]).Should().Be(5);
        Quantiles.Median([1, 2]).Should().Be(1.5);
    }

    [Fact]
    public void Infinite_neighbours_do_not_make_nan()
    {
        Quantiles.Of([double.PositiveInfinity, double.PositiveInfinity, 1], 0.75).Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        FluentActions.Invoking(() => Quantiles.Of([], 0.5)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => Quantiles.Of([1, double.NaN], 0.5)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => Quantiles.Of([1], 1.5)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => Quantiles.Of([1], double.NaN)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
