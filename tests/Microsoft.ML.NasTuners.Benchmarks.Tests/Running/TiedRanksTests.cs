namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public class TiedRanksTests
{
    [Fact]
    public void The_smallest_value_ranks_first_in_the_values_order()
    {
        TiedRanks.Of([3.0, 1, 2]).Should().Equal(3, 1, 2);
    }

    [Fact]
    public void Ties_share_the_mean_of_the_ranks_they_span()
    {
        // 5 and 5 span ranks 2 and 3; the three 9s span 4, 5 and 6.
        TiedRanks.Of([5.0, 1, 9, 5, 9, 9]).Should().Equal(2.5, 1, 5, 2.5, 5, 5);
    }

    [Fact]
    public void Infinity_ranks_last_and_ties_with_itself()
    {
        TiedRanks.Of([double.PositiveInfinity, 0, double.PositiveInfinity]).Should().Equal(2.5, 1, 2.5);
    }

    [Fact]
    public void NaN_cannot_be_ranked()
    {
        FluentActions.Invoking(() => TiedRanks.Of([1.0, double.NaN])).Should().Throw<ArgumentException>();
    }
}
