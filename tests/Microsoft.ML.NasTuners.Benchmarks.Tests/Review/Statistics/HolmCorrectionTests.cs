using Microsoft.ML.NasTuners.Benchmarks.Review;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests.Review;

public class HolmCorrectionTests
{
    [Fact]
    public void Each_p_is_multiplied_by_the_tests_left_and_never_falls_below_an_earlier_one()
    {
        // Sorted 0.01, 0.03, 0.04: 3 · 0.01 = 0.03; 2 · 0.03 = 0.06; 1 · 0.04 = 0.04, raised to 0.06.
        HolmCorrection.Adjust([0.01, 0.04, 0.03]).Should().Equal([0.03, 0.06, 0.06], (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Adjusted_values_are_capped_at_one()
    {
        HolmCorrection.Adjust([0.5, 0.6]).Should().Equal(1, 1);
    }

    [Fact]
    public void A_single_test_is_left_as_it_is()
    {
        HolmCorrection.Adjust([0.02]).Should().Equal(0.02);
    }

    [Fact]
    public void P_values_outside_zero_to_one_are_rejected()
    {
        FluentActions.Invoking(() => HolmCorrection.Adjust([1.5])).Should().Throw<ArgumentException>();
    }
}
