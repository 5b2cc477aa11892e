using Microsoft.ML.NasTuners.Benchmarks.Review;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests.Review;

public class WilcoxonSignedRankTestTests
{
    [Fact]
    public void Small_samples_get_the_exact_two_sided_p_value()
    {
        // |d| ranks 1..5, W+ = 1 + 2 + 3 + 5 = 11, W− = 4. Of the 32 sign patterns, 7 have W+ ≤ 4 ({}, {1}, {2}, {3},
        // {4}, {1,2}, {1,3}), so the two-sided p is 2 · 7 / 32 = 0.4375.
        var result = WilcoxonSignedRankTest.Test([1.0, 2, 3, -4, 5]);

        result.PlusRankSum.Should().Be(11);
        result.MinusRankSum.Should().Be(4);
        result.Pairs.Should().Be(5);
        result.Exact.Should().BeTrue();
        result.PValue.Should().BeApproximately(14.0 / 32, 1e-12);
    }

    [Fact]
    public void Six_differences_of_one_sign_give_the_smallest_p_of_that_size()
    {
        // Only one pattern of 64 has W+ = 21: p = 2 / 64 = 0.03125, the value in every table for n = 6.
        WilcoxonSignedRankTest.Test([0.5, 1, 2, 3, 4, 9]).PValue.Should().BeApproximately(0.03125, 1e-12);
    }

    [Fact]
    public void Zeros_are_dropped_and_ties_share_mid_ranks_in_the_exact_distribution()
    {
        // Without the zero: |d| = 1, 1, 2, 3 with ranks 1.5, 1.5, 3, 4; W+ = 7, W− = 3. Of the 16 patterns, 5 have
        // W− ≤ 3 ({}, {1.5}, {1.5'}, {1.5, 1.5'}, {3}), so p = 2 · 5 / 16 = 0.625.
        var result = WilcoxonSignedRankTest.Test([1.0, 0, 1, -2, 3]);

        result.Pairs.Should().Be(4);
        result.PlusRankSum.Should().Be(7);
        result.MinusRankSum.Should().Be(3);
        result.PValue.Should().BeApproximately(10.0 / 16, 1e-12);
    }

    [Fact]
    public void Large_samples_use_the_normal_approximation_with_continuity_correction()
    {
        // d_i = i (−1)^i, i = 1..60: W+ = 2 + 4 + ... + 60 = 930; mean 60·61/4 = 915, variance 60·61·121/24 = 18452.5;
        // z = (930 − 915 − 0.5) / 135.840 = 0.106743, so p = 2 (1 − Φ(0.106743)) = 0.91499 (Φ from a normal table).
        var differences = Enumerable.Range(1, 60).Select(i => i % 2 == 0 ? i : -(double)i).ToArray();

        var result = WilcoxonSignedRankTest.Test(differences);

        result.Exact.Should().BeFalse();
        result.PlusRankSum.Should().Be(930);
        result.PValue.Should().BeApproximately(0.91499, 1e-4);
    }

    [Theory]
    // The table of critical values for n = 20 at two-sided 5 % gives T = 52: a rank sum of 52 on the smaller side is
    // significant, 53 is not. Ranks 1..20 with the negative ones {20, 19, 13} (sum 52) or {20, 19, 14} (sum 53).
    [InlineData(13, true)]
    [InlineData(14, false)]
    public void Twenty_pairs_match_the_table_of_critical_values(int third, bool significant)
    {
        int[] negative = [20, 19, third];
        var differences = Enumerable.Range(1, 20).Select(i => negative.Contains(i) ? -(double)i : i).ToArray();

        var result = WilcoxonSignedRankTest.Test(differences);

        result.MinusRankSum.Should().Be(39 + third);
        (result.PValue <= 0.05).Should().Be(significant, $"p = {result.PValue}");
    }

    [Fact]
    public void No_non_zero_difference_is_no_evidence()
    {
        WilcoxonSignedRankTest.Test([0.0, 0, 0]).PValue.Should().Be(1);
    }
}
