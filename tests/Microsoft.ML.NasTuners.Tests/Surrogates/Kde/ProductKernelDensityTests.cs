using Microsoft.ML.NasTuners.Surrogates;

namespace Microsoft.ML.NasTuners.Tests.Surrogates.Kde;

public class ProductKernelDensityTests
{
    private static readonly object[] Colours = ["red", "green", "blue"];

    /// <summary>A continuous, a log-scaled continuous and a 3-way categorical.</summary>
    private static ModelView MixedView() => new SearchSpace
    {
        ["a"] = new UniformDoubleOption(-2, 3),
        ["b"] = new UniformDoubleOption(1e-3, 10, logBase: true),
        ["c"] = new ChoiceOption(Colours),
    }.ModelView;

    private static double[] Point(ModelView view, params (string Name, double Value)[] values)
    {
        var point = Enumerable.Repeat(double.NaN, view.Count).ToArray();
        foreach (var (name, value) in values) point[view[name].Index] = value;
        return point;
    }

    // Midpoint rule on the unit coordinates, which the density is defined on.
    private static double IntegrateUnitSquare(Func<double, double, double> f, int cells = 120)
    {
        var sum = 0.0;
        for (var i = 0; i < cells; i++)
        for (var j = 0; j < cells; j++)
            sum += f((i + 0.5) / cells, (j + 0.5) / cells);
        return sum / (cells * cells);
    }

    [Fact]
    public void A_mixed_density_integrates_to_one()
    {
        var view = MixedView();
        var random = new Random(5);
        var points = Enumerable.Range(0, 6).Select(_ => (IReadOnlyList<double>)view.Sample(random)).ToArray();
        var kde = ProductKernelDensity.Fit(view, points);
        var a = view["a"];
        var b = view["b"];

        var total = Enumerable.Range(0, 3).Sum(c => IntegrateUnitSquare((u, v) =>
            kde.Density(Point(view, ("a", a.FromUnit(u)), ("b", b.FromUnit(v)), ("c", c)))));
        total.Should().BeApproximately(1, 2e-3);
    }

    [Fact]
    public void A_narrow_density_near_an_edge_integrates_to_one()
    {
        var view = new SearchSpace { ["x"] = new UniformDoubleOption(0, 1) }.ModelView;
        var kde = ProductKernelDensity.Fit(view, [[0.01], [0.02], [0.05]]);
        var cells = 20000;
        var sum = 0.0;
        for (var i = 0; i < cells; i++) sum += kde.Density([(i + 0.5) / cells]);
        (sum / cells).Should().BeApproximately(1, 1e-3);
    }

    [Fact]
    public void A_conditional_density_integrates_to_one_over_all_branches()
    {
        var space = new SearchSpace
        {
            ["m"] = new ConditionalChoiceOption(
                ("p", new SearchSpace { ["u"] = new UniformDoubleOption(0, 1) }),
                ("q", new SearchSpace { ["v"] = new UniformDoubleOption(0, 1), ["w"] = new UniformDoubleOption(0, 1) })),
        };
        var view = space.ModelView;
        var random = new Random(2);
        var points = Enumerable.Range(0, 7).Select(_ => (IReadOnlyList<double>)view.Sample(random)).ToArray();
        points.Select(p => p[view["m"].Index]).Distinct().Should().HaveCount(2, "both branches are observed");
        var kde = ProductKernelDensity.Fit(view, points);
        var m = view["m"].Index;
        var u = view.Dimensions.Single(d => d.Key == "u").Index;
        var v = view.Dimensions.Single(d => d.Key == "v").Index;
        var w = view.Dimensions.Single(d => d.Key == "w").Index;
        var selectorOfP = (int)points.First(p => !double.IsNaN(p[u]))[m];

        double At(int branch, params (int Index, double Value)[] values)
        {
            var point = Enumerable.Repeat(double.NaN, view.Count).ToArray();
            point[m] = branch;
            foreach (var (index, value) in values) point[index] = value;
            return kde.Density(point);
        }

        var cells = 400;
        var branchP = Enumerable.Range(0, cells).Sum(i => At(selectorOfP, (u, (i + 0.5) / cells))) / cells;
        var branchQ = IntegrateUnitSquare((x, y) => At(1 - selectorOfP, (v, x), (w, y)));
        (branchP + branchQ).Should().BeApproximately(1, 2e-3);
    }

    [Fact]
    public void An_inactive_dimension_is_modelled_only_from_the_points_where_it_was_active()
    {
        var space = new SearchSpace
        {
            ["m"] = new ConditionalChoiceOption(
                ("p", new SearchSpace { ["u"] = new UniformDoubleOption(0, 1) }),
                ("q", new SearchSpace { ["v"] = new UniformDoubleOption(0, 1) })),
        };
        var view = space.ModelView;
        var mIndex = view["m"].Index;
        var uIndex = view.Dimensions.Single(d => d.Key == "u").Index;
        double[] P(double u)
        {
            var x = Enumerable.Repeat(double.NaN, view.Count).ToArray();
            x[mIndex] = 0;
            x[uIndex] = u;
            return x;
        }
        double[] Q()
        {
            var x = Enumerable.Repeat(double.NaN, view.Count).ToArray();
            x[mIndex] = 1;
            x[view.Dimensions.Single(d => d.Key == "v").Index] = 0.5;
            return x;
        }
        var kde = ProductKernelDensity.Fit(view, [P(0.2), P(0.25), P(0.3), Q(), Q()]);

        // u's bandwidth comes from the three points where u was active.
        var values = new[] { 0.2, 0.25, 0.3 };
        var sd = Math.Sqrt(values.Sum(x => (x - 0.25) * (x - 0.25)) / 2);
        kde.Bandwidths[uIndex].Should().BeApproximately(1.06 * sd * Math.Pow(3, -1.0 / (4 + view.Count)), 1e-12);
        // Points of branch q still say something about u in branch p: u's own density, peaked near 0.25, not uniform.
        var near = kde.Density(P(0.25));
        var far = kde.Density(P(0.9));
        near.Should().BeGreaterThan(10 * far);
    }

    [Fact]
    public void The_categorical_kernel_is_Aitchison_Aitken()
    {
        var view = new SearchSpace { ["c"] = new ChoiceOption("a", "b", "c", "d") }.ModelView;
        var kde = ProductKernelDensity.Fit(view, [[1], [1], [1], [2]]);
        var lambda = kde.Bandwidths[0];
        // Spread G = 1 - (0.75² + 0.25²) = 0.375; lambda = G · n^(-1/(4+d)).
        lambda.Should().BeApproximately(0.375 * Math.Pow(4, -1.0 / 5), 1e-12);

        double K(int x, int centre) => x == centre ? 1 - lambda : lambda / 3;
        for (var x = 0; x < 4; x++)
            kde.Density([x]).Should().BeApproximately((3 * K(x, 1) + K(x, 2)) / 4, 1e-12);
        Enumerable.Range(0, 4).Sum(x => kde.Density([x])).Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void Agreeing_categories_get_the_minimum_bandwidth_and_bandwidths_never_go_below_it()
    {
        var view = new SearchSpace { ["c"] = new ChoiceOption("a", "b"), ["x"] = new UniformDoubleOption(0, 1) }.ModelView;
        var kde = ProductKernelDensity.Fit(view, [[0, 0.5], [0, 0.5], [0, 0.5]], minBandwidth: 1e-3);
        kde.Bandwidths.Should().Equal(1e-3, 1e-3);
    }

    [Fact]
    public void Numeric_bandwidths_follow_the_normal_reference_rule_on_the_unit_coordinate()
    {
        var view = new SearchSpace { ["lr"] = new UniformDoubleOption(1e-4, 1, logBase: true) }.ModelView;
        var raw = new[] { 1e-4, 1e-3, 1e-2, 1e-1 };
        var kde = ProductKernelDensity.Fit(view, raw.Select(r => (IReadOnlyList<double>)new[] { r }).ToArray());
        // On the log scale the four points sit at 0, 1/4, 1/2, 3/4 of the range.
        var units = new[] { 0, 0.25, 0.5, 0.75 };
        var mean = units.Average();
        var sd = Math.Sqrt(units.Sum(u => (u - mean) * (u - mean)) / 3);
        kde.Bandwidths[0].Should().BeApproximately(1.06 * sd * Math.Pow(4, -1.0 / 5), 1e-12);
    }

    [Fact]
    public void Samples_follow_the_density_and_wider_bandwidths_spread_them()
    {
        var view = new SearchSpace { ["x"] = new UniformDoubleOption(0, 1), ["c"] = new ChoiceOption("a", "b", "c") }.ModelView;
        var c = view["c"].Index;
        var x = view["x"].Index;
        var points = new List<IReadOnlyList<double>>();
        for (var i = 0; i < 10; i++)
        {
            var p = new double[2];
            p[x] = 0.3 + 0.01 * i;
            p[c] = i < 8 ? 0 : 2;
            points.Add(p);
        }
        var kde = ProductKernelDensity.Fit(view, points);
        var random = new Random(1);
        var draws = Enumerable.Range(0, 20000).Select(_ => kde.Sample(random)).ToArray();

        draws.Average(d => d[x]).Should().BeApproximately(0.345, 0.01);
        for (var k = 0; k < 3; k++)
        {
            var frequency = draws.Count(d => d[c] == k) / (double)draws.Length;
            frequency.Should().BeApproximately(Marginal(kde, view, c, x, k), 0.015);
        }

        var wide = Enumerable.Range(0, 20000).Select(_ => kde.Sample(random, bandwidthFactor: 3)).ToArray();
        // A mixture's spread: that of the centres plus that of the kernel (far enough from 0 and 1 to ignore truncation).
        var centres = points.Select(p => p[x]).ToArray();
        var centreVariance = centres.Sum(v => Math.Pow(v - centres.Average(), 2)) / centres.Length;
        var h = kde.Bandwidths[x];
        StandardDeviation(draws.Select(d => d[x])).Should().BeApproximately(Math.Sqrt(centreVariance + h * h), 0.003);
        StandardDeviation(wide.Select(d => d[x])).Should().BeApproximately(Math.Sqrt(centreVariance + 9 * h * h), 0.004);
        wide.Should().OnlyContain(d => d[x] >= 0 && d[x] <= 1);
    }

    [Fact]
    public void No_points_give_the_uniform_density()
    {
        var view = MixedView();
        var kde = ProductKernelDensity.Fit(view, []);
        kde.Density(Point(view, ("a", 0), ("b", 1), ("c", 2))).Should().BeApproximately(1.0 / 3, 1e-12);
        kde.Sample(new Random(1)).Should().HaveCount(3);
    }

    [Fact]
    public void Bad_points_are_rejected_with_a_message()
    {
        var view = MixedView();
        FluentActions.Invoking(() => ProductKernelDensity.Fit(view, [[1, 2]])).Should().Throw<ArgumentException>().WithMessage("*3 dimensions*");
        FluentActions.Invoking(() => ProductKernelDensity.Fit(view, [[double.PositiveInfinity, 1, 0]])).Should().Throw<ArgumentException>().WithMessage("*'a'*");
        FluentActions.Invoking(() => ProductKernelDensity.Fit(view, [], minBandwidth: 0)).Should().Throw<ArgumentOutOfRangeException>();
    }

    // The probability of category k: the density summed over a fine grid of x.
    private static double Marginal(ProductKernelDensity kde, ModelView view, int c, int x, int k)
    {
        var cells = 2000;
        var sum = 0.0;
        for (var i = 0; i < cells; i++)
        {
            var p = new double[2];
            p[c] = k;
            p[x] = (i + 0.5) / cells;
            sum += kde.Density(p);
        }
        return sum / cells;
    }

    private static double StandardDeviation(IEnumerable<double> values)
    {
        var v = values.ToArray();
        var mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
    }
}
