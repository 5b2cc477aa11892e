using Microsoft.ML.NasTuners.Pipelines.Data;
using Microsoft.ML.NasTuners.Pipelines.Ensembles;

namespace Microsoft.ML.NasTuners.Pipelines.Tests.Ensembles;

public class NonNegativeLeastSquaresTests
{
    [Fact]
    public void Non_negative_weights_that_fit_exactly_are_found_with_the_intercept()
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 50).Select(_ => new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() }).ToList();
        var targets = rows.Select(x => 2 + 0.7 * x[0] + 0.3 * x[2]).ToList();

        var (weights, intercept) = NonNegativeLeastSquares.Fit(rows, targets);

        weights.Should().Equal([0.7, 0, 0.3], (a, b) => Math.Abs(a - b) < 1e-9);
        intercept.Should().BeApproximately(2, 1e-9);
    }

    [Fact]
    public void A_weight_that_least_squares_would_make_negative_is_held_at_zero()
    {
        // y = x0 - 0.5 x1: unconstrained least squares puts -0.5 on x1, which a stacked member may not have.
        var random = new Random(4);
        var rows = Enumerable.Range(0, 80).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToList();
        var targets = rows.Select(x => x[0] - 0.5 * x[1]).ToList();

        var (weights, _) = NonNegativeLeastSquares.Fit(rows, targets);

        weights[1].Should().Be(0);
        var x0 = rows.Select(x => x[0]).ToArray();
        var slope = x0.Zip(targets, (x, y) => (x - x0.Average()) * (y - targets.Average())).Sum() / x0.Sum(x => (x - x0.Average()) * (x - x0.Average()));
        weights[0].Should().BeApproximately(slope, 1e-9, "with x1 held at zero, x0's weight is the least-squares slope on x0 alone");
    }

    [Fact]
    public void The_regression_combiner_scores_as_its_weights_say_through_ML_NET_s_expression_transform()
    {
        var context = new MLContext(seed: 1);
        var first = new float[] { 1, 2, 3, 4, 5, 6 };
        var second = new float[] { 2, 1, 4, 3, 6, 5 };
        var label = first.Select((v, i) => 10 + 2 * v + 0.5f * second[i]).ToArray();
        var table = new Table([TableColumn.Numeric("label", label), TableColumn.Numeric("m0", first), TableColumn.Numeric("m1", second)]);

        var scored = new NonNegativeStackedRegression(context, "label", ["m0", "m1"]).Fit(table).Transform(table);

        scored.GetColumn<float>("Score").Should().Equal(label, (a, b) => Math.Abs(a - b) < 1e-3);
    }
}
