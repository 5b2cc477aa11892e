using MathNet.Numerics.Distributions;
using Microsoft.ML.NasTuners.Surrogates;

namespace Microsoft.ML.NasTuners.Tests.Surrogates;

public class ParzenEstimatorTests
{
    private static Dimension Dim(OptionBase option) => new SearchSpace { ["x"] = option }.ModelView.Dimensions[0];

    private static readonly Dimension Linear = Dim(new UniformDoubleOption(-2, 8));
    private static readonly Dimension Log = Dim(new UniformDoubleOption(1e-3, 1e2, logBase: true));
    private static readonly Dimension Int = Dim(new UniformIntOption(1, 12));
    private static readonly Dimension LogInt = Dim(new UniformIntOption(10, 1000, logBase: true));
    private static readonly Dimension Cat = Dim(new ChoiceOption("a", "b", "c", "d"));

    /// <summary>Trapezoid rule on a fine grid of the warped range: exact enough for smooth truncated Gaussians.</summary>
    private static double IntegrateContinuous(ParzenEstimator estimator, Dimension d, int steps = 50_000)
    {
        var lo = d.Warp(d.Lower);
        var hi = d.Warp(d.Upper);
        var h = (hi - lo) / steps;
        var xs = new double[steps + 1];
        for (var i = 0; i <= steps; i++)
            xs[i] = Math.Clamp(d.Unwarp(lo + i * h), d.Lower, d.Upper);
        var logs = new double[steps + 1];
        estimator.LogDensities(xs, logs);
        var sum = 0.0;
        for (var i = 0; i <= steps; i++)
        {
            // p_raw(x) dx = p_raw(x(u)) x'(u) du, with x'(u) = x for a log dimension.
            var f = Math.Exp(logs[i]) * (d.IsLog ? xs[i] : 1);
            sum += (i == 0 || i == steps ? 0.5 : 1) * f;
        }
        return sum * h;
    }

    private static double SumOverIntegers(ParzenEstimator estimator, Dimension d)
    {
        var sum = 0.0;
        for (var k = d.Lower; k <= d.Upper; k++)
            sum += Math.Exp(estimator.LogDensity([k]));
        return sum;
    }

    public static TheoryData<double[]> ObservationSets => new()
    {
        Array.Empty<double>(),
        new[] { 0.3 },
        new[] { -2.0, 8.0 },
        new[] { 1.0, 1.1, 1.2, 7.9, 3.3, 3.3 },
    };

    [Theory]
    [MemberData(nameof(ObservationSets))]
    public void A_continuous_density_integrates_to_one_over_the_range(double[] observations)
    {
        var estimator = ParzenEstimator.Fit(Linear, observations);
        IntegrateContinuous(estimator, Linear).Should().BeApproximately(1, 1e-6);
    }

    [Theory]
    [MemberData(nameof(ObservationSets))]
    public void A_continuous_density_integrates_to_one_without_magic_clip_with_endpoints_and_with_weights(double[] observations)
    {
        var weights = observations.Select((_, i) => 0.5 + i).ToArray();
        var options = new ParzenEstimatorOptions { ConsiderMagicClip = false, ConsiderEndpoints = true, PriorWeight = 0.3 };
        var estimator = ParzenEstimator.Fit(Linear, observations, weights, options);
        IntegrateContinuous(estimator, Linear, 200_000).Should().BeApproximately(1, 1e-5);
    }

    [Fact]
    public void A_log_scaled_density_integrates_to_one_over_the_raw_range()
    {
        var estimator = ParzenEstimator.Fit(Log, [2e-3, 0.05, 0.07, 40, 100]);
        IntegrateContinuous(estimator, Log).Should().BeApproximately(1, 1e-6);
        // Log scale: the density per unit of x falls like 1/x away from the observations' kernels.
        estimator.LogDensity([1e-3]).Should().BeGreaterThan(estimator.LogDensity([1]));
    }

    [Fact]
    public void Integer_masses_sum_to_one_and_are_masses_over_cells()
    {
        var estimator = ParzenEstimator.Fit(Int, [1, 4, 4, 12]);
        SumOverIntegers(estimator, Int).Should().BeApproximately(1, 1e-9);
        // A value inside a cell has its integer's mass.
        estimator.LogDensity([4.3]).Should().Be(estimator.LogDensity([4]));

        var logEstimator = ParzenEstimator.Fit(LogInt, [10, 11, 500, 1000]);
        SumOverIntegers(logEstimator, LogInt).Should().BeApproximately(1, 1e-9);
    }

    [Fact]
    public void An_integer_mass_equals_the_kernel_mixture_mass_over_the_cell_not_a_point_density()
    {
        var estimator = ParzenEstimator.Fit(Int, [6]);
        var (mu, sigma) = estimator.NumericKernelsOf(0);
        double Mass(int k, double lo, double hi) =>
            Normal.CDF(mu[k], sigma[k], hi) - Normal.CDF(mu[k], sigma[k], lo);
        double CellMass(int k, double v) => Mass(k, v - 0.5, v + 0.5) / Mass(k, 0.5, 12.5);
        for (var v = 1; v <= 12; v++)
        {
            var expected = 0.5 * CellMass(0, v) + 0.5 * CellMass(1, v);
            Math.Exp(estimator.LogDensity([v])).Should().BeApproximately(expected, 1e-9 * expected);
        }
    }

    [Fact]
    public void Categorical_probabilities_sum_to_one_and_follow_weighted_counts()
    {
        var estimator = ParzenEstimator.Fit(Cat, [1, 1, 1, 2], [1, 1, 1, 3]);
        var p = Enumerable.Range(0, 4).Select(c => Math.Exp(estimator.LogDensity([c]))).ToArray();
        p.Sum().Should().BeApproximately(1, 1e-12);
        p[2].Should().BeApproximately(p[1], 0.02, "three weights of 1 and one weight of 3 tie");
        p[0].Should().BeGreaterThan(0).And.BeApproximately(p[3], 1e-15);
        p[1].Should().BeGreaterThan(2.5 * p[0]);
    }

    [Fact]
    public void A_multivariate_mixed_density_sums_and_integrates_to_one()
    {
        var dims = new SearchSpace
        {
            ["a"] = new UniformDoubleOption(0, 1),
            ["b"] = new UniformIntOption(1, 5),
            ["c"] = new ChoiceOption("x", "y", "z"),
        }.ModelView.Dimensions;
        double[] rows = [0.1, 2, 0, 0.15, 2, 0, 0.9, 5, 2];
        foreach (var rule in Enum.GetValues<ParzenBandwidthRule>())
        {
            var estimator = ParzenEstimator.Fit(dims, rows, options: new ParzenEstimatorOptions { Bandwidth = rule });
            var total = 0.0;
            const int steps = 5_000;
            for (var b = 1; b <= 5; b++)
            for (var c = 0; c <= 2; c++)
            {
                var points = new double[(steps + 1) * 3];
                for (var i = 0; i <= steps; i++)
                {
                    points[3 * i] = (double)i / steps;
                    points[3 * i + 1] = b;
                    points[3 * i + 2] = c;
                }
                var logs = new double[steps + 1];
                estimator.LogDensities(points, logs);
                total += logs.Select((l, i) => (i == 0 || i == steps ? 0.5 : 1) * Math.Exp(l)).Sum() / steps;
            }
            total.Should().BeApproximately(1, 1e-5, $"rule {rule}");
        }
    }

    [Fact]
    public void There_is_no_mass_outside_the_range_and_samples_stay_inside()
    {
        var linear = ParzenEstimator.Fit(Linear, [-2, -2, 8]);
        linear.LogDensity([-2.0001]).Should().Be(double.NegativeInfinity);
        linear.LogDensity([8.0001]).Should().Be(double.NegativeInfinity);
        linear.LogDensity([-2]).Should().BeGreaterThan(double.NegativeInfinity);
        var ints = ParzenEstimator.Fit(LogInt, [10, 1000]);
        ints.LogDensity([9]).Should().Be(double.NegativeInfinity);
        ints.LogDensity([1001]).Should().Be(double.NegativeInfinity);
        var cats = ParzenEstimator.Fit(Cat, [0]);
        cats.LogDensity([4]).Should().Be(double.NegativeInfinity);

        var random = new Random(1);
        for (var i = 0; i < 5000; i++)
        {
            linear.Sample(random)[0].Should().BeInRange(-2, 8);
            var k = ints.Sample(random)[0];
            k.Should().BeInRange(10, 1000);
            k.Should().Be(Math.Round(k));
            var c = cats.Sample(random)[0];
            c.Should().BeOneOf(0, 1, 2, 3);
        }
    }

    [Fact]
    public void Samples_follow_the_density()
    {
        var estimator = ParzenEstimator.Fit(Int, [3, 3, 9]);
        var random = new Random(7);
        var counts = new int[13];
        const int n = 200_000;
        for (var i = 0; i < n; i++)
            counts[(int)estimator.Sample(random)[0]]++;
        for (var k = 1; k <= 12; k++)
            ((double)counts[k] / n).Should().BeApproximately(Math.Exp(estimator.LogDensity([k])), 0.004, $"integer {k}");
    }

    [Fact]
    public void With_one_observation_the_density_mixes_its_kernel_and_the_broad_prior_by_weight()
    {
        foreach (var priorWeight in new[] { 1.0, 4.0 })
        {
            var estimator = ParzenEstimator.Fit(Linear, [0.0], options: new ParzenEstimatorOptions { PriorWeight = priorWeight });
            estimator.ComponentWeights.Should().Equal([1 / (1 + priorWeight), priorWeight / (1 + priorWeight)],
                (a, b) => Math.Abs(a - b) < 1e-15);
            var (mu, sigma) = estimator.NumericKernelsOf(0);
            mu.Should().Equal(0.0, 3.0);
            // The prior: centred in [-2, 8] with sigma = the width; the observation: max gap (to the prior's centre,
            // 3) clipped below at width / (kernels + 1) = 10 / 3.
            sigma[1].Should().Be(10);
            sigma[0].Should().BeApproximately(10.0 / 3, 1e-12);
            double Truncated(double x, double m, double s) =>
                Normal.PDF(m, s, x) / (Normal.CDF(m, s, 8) - Normal.CDF(m, s, -2));
            foreach (var x in new[] { -2.0, -1, 0, 2.5, 7.9 })
            {
                var expected = (Truncated(x, 0, 10.0 / 3) + priorWeight * Truncated(x, 3, 10)) / (1 + priorWeight);
                Math.Exp(estimator.LogDensity([x])).Should().BeApproximately(expected, 1e-9 * expected);
            }
        }
        var light = ParzenEstimator.Fit(Linear, [0.0], options: new ParzenEstimatorOptions { PriorWeight = 0.25 });
        var heavy = ParzenEstimator.Fit(Linear, [0.0], options: new ParzenEstimatorOptions { PriorWeight = 4 });
        heavy.LogDensity([7.5]).Should().BeGreaterThan(light.LogDensity([7.5]), "a heavier prior spreads mass far from the observation");
        heavy.LogDensity([0]).Should().BeLessThan(light.LogDensity([0]));
    }

    [Fact]
    public void Without_observations_the_density_is_the_prior()
    {
        var estimator = ParzenEstimator.Fit(Linear, ReadOnlySpan<double>.Empty);
        var z = Normal.CDF(3, 10, 8) - Normal.CDF(3, 10, -2);
        Math.Exp(estimator.LogDensity([1.0])).Should().BeApproximately(Normal.PDF(3, 10, 1) / z, 1e-10);
        var cats = ParzenEstimator.Fit(Cat, ReadOnlySpan<double>.Empty);
        Math.Exp(cats.LogDensity([2])).Should().BeApproximately(0.25, 1e-15);
    }

    [Fact]
    public void Bandwidths_are_the_larger_neighbour_gap_clipped_by_the_magic_clip()
    {
        // Width 10, 10 observations + prior = 11 kernels: minimum bandwidth 10 / 12.
        double[] observations = [-1.9, -1.8, -1.7, 0, 0.1, 2, 6, 6.5, 6.6, 7];
        var (_, sigma) = ParzenEstimator.Fit(Linear, observations, options: new ParzenEstimatorOptions { ConsiderEndpoints = true }).NumericKernelsOf(0);
        var minimum = 10.0 / 12;
        sigma[3].Should().BeApproximately(1.7, 1e-12, "0 lies 1.7 above -1.7 and 0.1 below 0.1");
        sigma[5].Should().BeApproximately(1.9, 1e-12, "2 lies 1.9 above 0.1 and 1 below the prior's centre 3");
        sigma[6].Should().BeApproximately(3, 1e-12, "6 lies 3 above the prior's centre");
        sigma[9].Should().BeApproximately(1, 1e-12, "7 lies 0.4 above 6.6 and, with endpoints, 1 below 8");
        sigma[1].Should().BeApproximately(minimum, 1e-12, "close neighbours are clipped up");
        sigma[10].Should().Be(10);

        var (_, noEndpoints) = ParzenEstimator.Fit(Linear, observations).NumericKernelsOf(0);
        noEndpoints[9].Should().BeApproximately(minimum, 1e-12, "without endpoints 7's only neighbour is 0.4 away");
    }

    [Fact]
    public void Log_dimensions_are_modelled_in_log_space()
    {
        var estimator = ParzenEstimator.Fit(Log, [1e-2]);
        var (mu, sigma) = estimator.NumericKernelsOf(0);
        mu[0].Should().BeApproximately(Math.Log(1e-2), 1e-12);
        mu[1].Should().BeApproximately(0.5 * (Math.Log(1e-3) + Math.Log(1e2)), 1e-12);
        sigma[1].Should().BeApproximately(Math.Log(1e5), 1e-12);
    }

    [Fact]
    public void Bad_input_is_rejected_with_a_message_naming_it()
    {
        FluentActions.Invoking(() => ParzenEstimator.Fit(Linear, [double.NaN])).Should().Throw<ArgumentException>().WithMessage("*'x'*");
        FluentActions.Invoking(() => ParzenEstimator.Fit(Linear, [1.0], [-1.0])).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => ParzenEstimator.Fit(Linear, [1.0], [1.0, 2.0])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => ParzenEstimator.Fit(Linear, [1.0], options: new ParzenEstimatorOptions { PriorWeight = 0 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*PriorWeight*");
    }

    [Fact]
    public void A_multivariate_estimator_models_correlated_dimensions_together()
    {
        var dims = new SearchSpace { ["a"] = new UniformDoubleOption(0, 1), ["b"] = new UniformDoubleOption(0, 1) }.ModelView.Dimensions;
        // Observations on the diagonal: the marginals are uniform-ish, the joint is not.
        var rows = Enumerable.Range(0, 20).SelectMany(i => new[] { (i + 0.5) / 20, (i + 0.5) / 20 }).ToArray();
        var joint = ParzenEstimator.Fit(dims, rows);
        joint.LogDensity([0.8, 0.8]).Should().BeGreaterThan(joint.LogDensity([0.8, 0.2]) + 1);
        var a = ParzenEstimator.Fit(dims[0], rows.Where((_, i) => i % 2 == 0).ToArray());
        var b = ParzenEstimator.Fit(dims[1], rows.Where((_, i) => i % 2 == 1).ToArray());
        (a.LogDensity([0.8]) + b.LogDensity([0.8])).Should().BeApproximately(a.LogDensity([0.8]) + b.LogDensity([0.2]), 0.2,
            "a product of marginals cannot tell the diagonal from the anti-diagonal");
    }

    [Fact]
    public void A_provisional_observation_is_a_component_but_nobody_s_neighbour()
    {
        var options = new ParzenEstimatorOptions { ConsiderMagicClip = false };
        double[] firm = [-1.0, 0.5, 4.0, 6.5];
        // The provisional point 1.0 sits between 0.5 and the prior's centre 3.0.
        double[] all = [-1.0, 0.5, 1.0, 4.0, 6.5];
        bool[] provisional = [false, false, true, false, false];
        var plain = ParzenEstimator.Fit(Linear, firm, options: options);
        var mixed = ParzenEstimator.Fit([Linear], all, [1, 1, 0.25, 1, 1], options, provisional);

        mixed.ObservationCount.Should().Be(5);
        mixed.ComponentWeights[2].Should().BeApproximately(0.25 / 5.25, 1e-15);
        var (muPlain, sigmaPlain) = plain.NumericKernelsOf(0);
        var (mu, sigma) = mixed.NumericKernelsOf(0);
        mu.Should().Equal(-1.0, 0.5, 1.0, 4.0, 6.5, 3.0);
        // The firm observations keep the bandwidths they have without it (0.5's would shrink to 0.5 were 1.0 a neighbour).
        new[] { sigma[0], sigma[1], sigma[3], sigma[4], sigma[5] }.Should().Equal(sigmaPlain);
        sigmaPlain[1].Should().Be(2.5);
        // Its own bandwidth is the larger of its gaps to the firm centres around it: 0.5 and 3.0 (the prior's).
        sigma[2].Should().Be(2.0);

        // A fit whose flags are all false is the ordinary fit.
        var unflagged = ParzenEstimator.Fit([Linear], firm, default, options, new bool[4]);
        unflagged.NumericKernelsOf(0).Sigma.Should().Equal(sigmaPlain);
        FluentActions.Invoking(() => ParzenEstimator.Fit([Linear], firm, default, options, new bool[3]))
            .Should().Throw<ArgumentException>().WithMessage("*provisional*");
    }
}
