using Microsoft.ML.NasTuners.Benchmarks.Review;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests.Review;

public class FriedmanTestTests
{
    [Fact]
    public void Without_ties_it_is_the_textbook_statistic_with_a_chi_square_p_value()
    {
        // Ranks per block (1,2,3), (1,3,2), (1,2,3), (2,1,3): rank sums 5, 8, 11. By hand:
        // Q = 12 / (n k (k+1)) Σ R_j² − 3 n (k+1) = 12 / 48 · (25 + 64 + 121) − 48 = 4.5, and with 2 degrees of
        // freedom P(χ² ≥ 4.5) = exp(−4.5 / 2) = 0.105399...
        var blocks = new[]
        {
            new[] { 10.0, 20, 30 },
            new[] { 1.0, 9, 5 },
            new[] { 0.1, 0.2, 0.3 },
            new[] { 7.0, 6, 8 },
        };

        var result = FriedmanTest.Test(blocks);

        result.Statistic.Should().BeApproximately(4.5, 1e-12);
        result.DegreesOfFreedom.Should().Be(2);
        result.PValue.Should().BeApproximately(Math.Exp(-2.25), 1e-12);
        result.MeanRanks.Should().Equal(1.25, 2, 2.75);
        result.Blocks.Should().Be(4);
    }

    [Fact]
    public void Ties_are_corrected_for()
    {
        // Ranks (1, 2.5, 2.5), (1, 2, 3), (1, 2, 3), centre 2; by hand SS_treatments = 3 [(1 − 2)² + (13/6 − 2)² +
        // (17/6 − 2)²] = 3 · 62/36 = 62/12; SS_error = (1.5 + 2 + 2) / (3 · 2) = 11/12; Q = 62/11 = 5.636. The
        // uncorrected 12 / (3·3·4) (3² + 6.5² + 8.5²) − 36 = 5.167 would understate it.
        var result = FriedmanTest.Test([[1.0, 2, 2], [1.0, 2, 3], [1.0, 2, 3]]);

        result.Statistic.Should().BeApproximately(62.0 / 11, 1e-12);
        result.PValue.Should().BeApproximately(Math.Exp(-31.0 / 11), 1e-12);
    }

    [Fact]
    public void Blocks_tied_throughout_show_no_difference()
    {
        FriedmanTest.Test([[1.0, 1], [2.0, 2]]).PValue.Should().Be(1);
    }

    [Fact]
    public void It_needs_two_blocks_and_two_treatments_in_rows_of_one_length()
    {
        FluentActions.Invoking(() => FriedmanTest.Test([[1.0, 2]])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => FriedmanTest.Test([[1.0], [2.0]])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => FriedmanTest.Test([[1.0, 2], [1.0, 2, 3]])).Should().Throw<ArgumentException>();
    }
}
