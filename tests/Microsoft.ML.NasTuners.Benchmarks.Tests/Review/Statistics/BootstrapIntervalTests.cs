using Microsoft.ML.NasTuners.Benchmarks.Review;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests.Review;

public class BootstrapIntervalTests
{
    [Fact]
    public void Two_values_give_the_whole_range_at_95_percent()
    {
        // The mean of a resample of {0, 1} is 0, 1/2 or 1 with chances 1/4, 1/2, 1/4, so with 2000 resamples the 2.5 %
        // and 97.5 % quantiles are 0 and 1.
        BootstrapInterval.OfMean([0.0, 1], seed: 1).Should().Be((0.0, 1.0));
    }

    [Fact]
    public void A_constant_sample_has_a_zero_width_interval()
    {
        BootstrapInterval.OfMean([2.0, 2, 2, 2], seed: 3).Should().Be((2.0, 2.0));
    }

    [Fact]
    public void The_interval_of_a_mean_lies_inside_the_range_and_narrows_with_more_units()
    {
        var few = Enumerable.Range(0, 10).Select(i => (double)(i % 5)).ToArray();
        var many = Enumerable.Range(0, 1000).Select(i => (double)(i % 5)).ToArray();

        var (lower, upper) = BootstrapInterval.OfMean(few, seed: 7);
        var (manyLower, manyUpper) = BootstrapInterval.OfMean(many, seed: 7);

        lower.Should().BeGreaterThan(0).And.BeLessThan(2);
        upper.Should().BeGreaterThan(2).And.BeLessThan(4);
        // The mean's standard error falls as 1/√n: 10 against 1000 units is a tenth of the width, give or take.
        (manyUpper - manyLower).Should().BeLessThan((upper - lower) / 5);
        manyLower.Should().BeLessThan(2);
        manyUpper.Should().BeGreaterThan(2);
    }

    [Fact]
    public void The_same_seed_gives_the_same_interval()
    {
        double[] values = [0.3, 1.7, 2.2, 5.1, 0.9];
        BootstrapInterval.OfMean(values, seed: 11).Should().Be(BootstrapInterval.OfMean(values, seed: 11));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        FluentActions.Invoking(() => BootstrapInterval.OfMean([], seed: 1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => BootstrapInterval.OfMean([1.0], seed: 1, level: 1)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
