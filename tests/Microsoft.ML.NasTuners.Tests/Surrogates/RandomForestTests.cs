using Microsoft.ML.NasTuners.Surrogates;
using Microsoft.ML.NasTuners.Tests.SearchSpaces;

namespace Microsoft.ML.NasTuners.Tests.Surrogates;

public class RandomForestTests
{
    private static double Smooth(double x, double y) => Math.Sin(3 * x) + Math.Cos(2 * y) + x * y;

    private static (double[][] X, double[] Y) SmoothData(int n, Random random)
    {
        var x = new double[n][];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = [random.NextDouble(), random.NextDouble()];
            y[i] = Smooth(x[i][0], x[i][1]);
        }
        return (x, y);
    }

    [Fact]
    public void A_forest_of_200_points_fits_a_smooth_2D_function_on_held_out_points()
    {
        var (x, y) = SmoothData(200, new Random(1));
        var forest = new RandomForest([0, 0]);
        forest.Fit(x, y, new Random(2));

        var (testX, testY) = SmoothData(500, new Random(3));
        var mean = testY.Average();
        double residual = 0, total = 0;
        for (var i = 0; i < testX.Length; i++)
        {
            var prediction = forest.Predict(testX[i]).Mean;
            residual += (prediction - testY[i]) * (prediction - testY[i]);
            total += (testY[i] - mean) * (testY[i] - mean);
        }
        (1 - residual / total).Should().BeGreaterThan(0.9);
    }

    [Fact]
    public void The_variance_is_larger_in_a_gap_between_the_data_than_at_the_data()
    {
        // Data at x in [0, 0.25] and [0.75, 1]; f = 3x + y. In the gap the trees cut at random places between the
        // clusters, so they disagree.
        var random = new Random(4);
        var x = new double[200][];
        var y = new double[200];
        for (var i = 0; i < x.Length; i++)
        {
            var u = random.NextDouble() * 0.25 + (i % 2 == 0 ? 0 : 0.75);
            x[i] = [u, random.NextDouble()];
            y[i] = 3 * x[i][0] + x[i][1];
        }
        var forest = new RandomForest([0, 0]);
        forest.Fit(x, y, new Random(5));

        var atData = x.Take(50).Average(p => forest.Predict(p).Variance);
        var inGap = Enumerable.Range(0, 50).Average(i => forest.Predict([0.5, i / 50.0]).Variance);
        inGap.Should().BeGreaterThan(5 * atData);
    }

    [Fact]
    public void A_categorical_is_split_by_a_subset_of_its_categories_not_by_an_ordinal_threshold()
    {
        // Levels {0, 2} give 0 and {1, 3} give 1: one subset split separates them, no threshold on 0..3 can.
        var x = new double[40][];
        var y = new double[40];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = [i % 4];
            y[i] = i % 2;
        }
        var stump = new RandomForestOptions { TreeCount = 1, Bootstrap = false, MaxDepth = 1 };

        var categorical = new RandomForest([4], stump);
        categorical.Fit(x, y, new Random(6));
        for (var level = 0; level < 4; level++)
        {
            var (mean, variance) = categorical.Predict([level]);
            mean.Should().Be(level % 2);
            variance.Should().Be(0);
        }

        var ordinal = new RandomForest([0], stump);
        ordinal.Fit(x, y, new Random(6));
        Enumerable.Range(0, 4).Select(level => ordinal.Predict([level]).Variance).Should().Contain(v => v > 0.1);
    }

    [Fact]
    public void A_forest_trained_on_mixed3_predicts_branch_specific_values()
    {
        var view = TestSpaces.Mixed3().ModelView;
        var encoder = new ForestFeatureEncoder(view);
        var random = new Random(7);
        // Each branch has its own level and its own slope in its first parameter.
        double Target(double[] values)
        {
            var branch = (int)values[0];
            var first = values.Skip(1).Select((v, i) => (v, i)).First(t => !double.IsNaN(t.v)).i + 1;
            return 10 * (branch + 1) + view.Dimensions[first].ToUnit(values[first]);
        }
        var points = Enumerable.Range(0, 300).Select(_ => view.Sample(random)).ToArray();
        var forest = new RandomForest(encoder.CategoryCounts);
        forest.Fit(points.Select(encoder.Encode).ToArray(), points.Select(Target).ToArray(), new Random(8));

        for (var i = 0; i < 60; i++)
        {
            var point = view.Sample(random);
            forest.Predict(encoder.Encode(point)).Mean.Should().BeApproximately(Target(point), 0.5);
        }
    }

    [Fact]
    public void The_encoder_imputes_inactive_numbers_below_the_unit_interval_and_inactive_choices_as_an_extra_category()
    {
        var view = TestSpaces.Rich().ModelView;
        var encoder = new ForestFeatureEncoder(view);
        var random = new Random(9);
        for (var n = 0; n < 100; n++)
        {
            var point = view.Sample(random);
            var features = encoder.Encode(point);
            for (var i = 0; i < view.Count; i++)
            {
                var d = view.Dimensions[i];
                if (d.IsNumeric)
                    features[i].Should().Be(double.IsNaN(point[i]) ? -1 : d.ToUnit(point[i]), d.Name);
                else
                    features[i].Should().Be(double.IsNaN(point[i]) ? d.ChoiceCount : point[i], d.Name);
            }
        }
        encoder.CategoryCounts.Should().Equal(view.Dimensions.Select(d => d.IsNumeric ? 0 : d.ChoiceCount + (d.IsConditional ? 1 : 0)));
    }

    [Fact]
    public void Without_bootstrap_one_tree_reproduces_its_training_points()
    {
        var (x, y) = SmoothData(50, new Random(10));
        var forest = new RandomForest([0, 0], new RandomForestOptions { TreeCount = 1, Bootstrap = false, MinSamplesToSplit = 2, FeatureFraction = 1 });
        forest.Fit(x, y, new Random(11));
        for (var i = 0; i < x.Length; i++) forest.Predict(x[i]).Mean.Should().BeApproximately(y[i], 1e-12);
    }

    [Fact]
    public void The_same_seed_gives_the_same_forest()
    {
        var (x, y) = SmoothData(100, new Random(12));
        var a = new RandomForest([0, 0]);
        var b = new RandomForest([0, 0]);
        a.Fit(x, y, new Random(13));
        b.Fit(x, y, new Random(13));
        var (testX, _) = SmoothData(50, new Random(14));
        testX.Select(p => a.Predict(p)).Should().Equal(testX.Select(p => b.Predict(p)));
    }

    [Fact]
    public void Batch_prediction_equals_one_by_one_prediction()
    {
        var (x, y) = SmoothData(80, new Random(15));
        var forest = new RandomForest([0, 0]);
        forest.Fit(x, y, new Random(16));
        var flat = x.SelectMany(p => p).ToArray();
        var means = new double[x.Length];
        var variances = new double[x.Length];
        forest.Predict(flat, x.Length, means, variances);
        for (var i = 0; i < x.Length; i++)
        {
            var (mean, variance) = forest.Predict(x[i]);
            means[i].Should().Be(mean);
            variances[i].Should().Be(variance);
        }
    }

    [Fact]
    public void Refitting_replaces_the_previous_fit_and_a_constant_target_gives_zero_variance()
    {
        var (x, y) = SmoothData(30, new Random(17));
        var forest = new RandomForest([0, 0]);
        forest.Fit(x, y, new Random(18));
        forest.Fit(x, Enumerable.Repeat(2.5, x.Length).ToArray(), new Random(19));
        forest.Predict([0.3, 0.3]).Should().Be((2.5, 0.0));
    }

    [Fact]
    public void Bad_input_is_rejected_with_a_message_naming_it()
    {
        var forest = new RandomForest([0, 3]);
        forest.Invoking(f => f.Predict([0.1, 1])).Should().Throw<InvalidOperationException>();
        forest.Invoking(f => f.Fit([], [], new Random(0))).Should().Throw<ArgumentException>();
        forest.Invoking(f => f.Fit([[0.1, 1]], [1, 2], new Random(0))).Should().Throw<ArgumentException>().WithMessage("*targets*");
        forest.Invoking(f => f.Fit([[double.NaN, 1]], [1], new Random(0))).Should().Throw<ArgumentException>().WithMessage("*impute*");
        forest.Invoking(f => f.Fit([[0.1, 3]], [1], new Random(0))).Should().Throw<ArgumentException>().WithMessage("*[0, 2]*");
        forest.Invoking(f => f.Fit([[0.1, 1]], [double.PositiveInfinity], new Random(0))).Should().Throw<ArgumentException>().WithMessage("*finite*");
        forest.Invoking(f => f.Fit([[0.1]], [1], new Random(0))).Should().Throw<ArgumentException>().WithMessage("*expected 2*");

        FluentActions.Invoking(() => new RandomForest([0], new RandomForestOptions { TreeCount = 0 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("TreeCount");
        FluentActions.Invoking(() => new RandomForest([0], new RandomForestOptions { FeatureFraction = 1.5 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("FeatureFraction");
        FluentActions.Invoking(() => new RandomForest([-1])).Should().Throw<ArgumentOutOfRangeException>();
    }
}
