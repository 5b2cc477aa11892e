using Microsoft.ML.NasTuners.Surrogates.Gp;

namespace Microsoft.ML.NasTuners.Tests.Surrogates.Gp;

public class GaussianProcessTests
{
    private static GaussianProcess<double[]> Fitted(int count = 15, int dimension = 2, int seed = 1, double noise = 1e-3)
    {
        var x = GpTestData.RandomPoints(count, dimension, seed);
        var gp = new GaussianProcess<double[]>(new Matern52Ard(dimension));
        gp.NoiseVariance.Value = noise;
        gp.Fit(x, x.Select(p => 10 + 5 * GpTestData.Smooth(p)).ToArray());
        return gp;
    }

    [Fact]
    public void The_marginal_likelihood_gradient_matches_finite_differences()
    {
        var gp = Fitted();
        var theta = gp.GetTheta();
        theta[0] = 0.3;
        theta[2] = Math.Log(1.3);
        theta[3] = Math.Log(0.3);
        theta[4] = Math.Log(0.6);
        GpTestData.LikelihoodGradientShouldMatchFiniteDifferences(gp, theta);
    }

    [Fact]
    public void The_gradient_includes_input_warping_parameters()
    {
        var x = GpTestData.RandomPoints(12, 2, seed: 7);
        var warping = new BetaCdfWarping(2, [0, 1]);
        var gp = new GaussianProcess<double[]>(new TransformedKernel(warping, new Matern52Ard(2)));
        gp.Fit(x, x.Select(GpTestData.Smooth).ToArray());
        var theta = gp.GetTheta();
        theta[1] = Math.Log(1e-2);
        theta[2] = Math.Log(0.6); // alpha of column 0
        theta[3] = Math.Log(1.8); // beta of column 0
        theta[4] = Math.Log(1.2);
        var gradient = new double[theta.Length];
        gp.LogPosterior(theta, gradient);
        for (var p = 0; p < theta.Length; p++)
        {
            var numeric = GpTestData.Derivative(t => gp.LogPosterior(t, default), theta, p, 1e-4);
            gradient[p].Should().BeApproximately(numeric, 1e-3 * Math.Max(1, Math.Abs(numeric)), $"hyper-parameter {gp.Hyperparameters[p].Name}");
        }
    }

    [Fact]
    public void The_posterior_interpolates_noiseless_data_and_its_variance_shrinks_at_data()
    {
        var gp = Fitted(noise: 1e-10);
        var prediction = gp.Predict(gp.Inputs);
        var y = gp.Inputs.Select(p => 10 + 5 * GpTestData.Smooth(p)).ToArray();
        for (var i = 0; i < y.Length; i++)
        {
            prediction.Mean[i].Should().BeApproximately(y[i], 1e-3);
            prediction.Variance[i].Should().BeLessThan(1e-6);
        }
        var far = gp.Predict([new[] { 0.5, 1.5 }, new[] { -1.0, -1.0 }]);
        far.Variance.Should().OnlyContain(v => v > 0.1);
    }

    [Fact]
    public void Fitted_means_are_the_posterior_mean_at_the_inputs()
    {
        var gp = Fitted(noise: 0.05);
        gp.FittedMeans().Should().BeEquivalentTo(gp.Predict(gp.Inputs).Mean, o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-8)).WhenTypeIs<double>());
    }

    [Fact]
    public void Duplicate_points_are_handled()
    {
        var x = Enumerable.Repeat(new[] { 0.3, 0.3 }, 5).Concat(GpTestData.RandomPoints(5, 2, seed: 3)).ToArray();
        var y = x.Select((p, i) => GpTestData.Smooth(p) + (i < 5 ? 0.01 * i : 0)).ToArray();
        var gp = new GaussianProcess<double[]>(new Matern52Ard(2));
        gp.NoiseVariance.Value = gp.NoiseVariance.Lower;
        gp.Fit(x, y);

        double.IsFinite(gp.LogMarginalLikelihood()).Should().BeTrue();
        var prediction = gp.Predict([new[] { 0.3, 0.3 }]);
        prediction.Mean[0].Should().BeApproximately(y.Take(5).Average(), 0.01);
    }

    [Fact]
    public void A_singular_covariance_gets_escalating_jitter()
    {
        // A constant kernel makes K = a·11ᵀ, singular for two or more points; the noise is negligible.
        var gp = new GaussianProcess<int>(new ConstantKernel(),
            new Hyperparameter("mean", 0, -10, 10, FlatPrior.Instance, logScale: false),
            new Hyperparameter("noise", 1e-300, 1e-300, 1, FlatPrior.Instance));
        gp.Fit([1, 2, 3], [1.0, 2.0, 3.0]);

        double.IsFinite(gp.LogMarginalLikelihood()).Should().BeTrue();
        gp.Jitter.Should().BePositive();
        gp.Predict([4]).Mean[0].Should().BeApproximately(2, 1e-6);
    }

    /// <summary>k(a, b) = 1 for any integers: the simplest generic kernel, and a singular one.</summary>
    private sealed class ConstantKernel : IKernel<int>
    {
        public IReadOnlyList<Hyperparameter> Hyperparameters => [];
        public MathNet.Numerics.LinearAlgebra.Matrix<double> Covariance(IReadOnlyList<int> x) => CrossCovariance(x, x);
        public MathNet.Numerics.LinearAlgebra.Matrix<double> CrossCovariance(IReadOnlyList<int> a, IReadOnlyList<int> b) =>
            MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(a.Count, b.Count, 1.0);
        public double Variance(int x) => 1;
        public void CovarianceGradient(IReadOnlyList<int> x, MathNet.Numerics.LinearAlgebra.Matrix<double> weights, Span<double> gradient) { }
        public IKernel<int> Clone() => this;
    }

    [Fact]
    public void Predictions_of_many_points_match_one_at_a_time_and_the_input_gradient_matches_finite_differences()
    {
        var gp = Fitted();
        var points = GpTestData.RandomPoints(7, 2, seed: 9);
        var batch = gp.Predict(points);
        var meanGradient = new double[2];
        var varianceGradient = new double[2];
        for (var i = 0; i < points.Length; i++)
        {
            var (mean, variance) = gp.PredictWithGradient(points[i], meanGradient, varianceGradient);
            mean.Should().BeApproximately(batch.Mean[i], 1e-9);
            variance.Should().BeApproximately(batch.Variance[i], 1e-9);
            for (var c = 0; c < 2; c++)
            {
                meanGradient[c].Should().BeApproximately(GpTestData.Derivative(p => gp.Predict([p]).Mean[0], points[i], c), 1e-5);
                varianceGradient[c].Should().BeApproximately(GpTestData.Derivative(p => gp.Predict([p]).Variance[0], points[i], c), 1e-5);
            }
        }
    }

    [Fact]
    public void Outputs_are_standardised_but_reported_in_original_units()
    {
        var gp = Fitted();
        gp.OutputMean.Should().BeGreaterThan(5);
        gp.Predict(gp.Inputs).Mean.Average().Should().BeApproximately(gp.OutputMean, 1);
    }

    [Fact]
    public void Conditioning_on_extra_observations_keeps_hyper_parameters_and_standardisation()
    {
        var gp = Fitted();
        var point = new[] { 0.5, 0.5 };
        var conditioned = gp.Condition([point], [42.0]);

        conditioned.Count.Should().Be(gp.Count + 1);
        conditioned.OutputMean.Should().Be(gp.OutputMean);
        conditioned.GetTheta().Should().Equal(gp.GetTheta());
        conditioned.Predict([point]).Mean[0].Should().BeGreaterThan(35);
        gp.Predict([point]).Mean[0].Should().NotBeApproximately(42, 5);
    }

    [Fact]
    public void Sampled_observations_follow_the_posterior()
    {
        var gp = Fitted();
        var point = new[] { 0.9, 0.1 };
        var prediction = gp.Predict([point]);
        var random = new Random(3);
        var draws = Enumerable.Range(0, 4000).Select(_ => gp.SampleObservations([point], random)[0]).ToArray();
        var sd = Math.Sqrt(prediction.Variance[0] + gp.NoiseVariance.Value * gp.OutputScale * gp.OutputScale);
        draws.Average().Should().BeApproximately(prediction.Mean[0], 4 * sd / Math.Sqrt(4000));
        Math.Sqrt(draws.Select(v => (v - draws.Average()) * (v - draws.Average())).Average()).Should().BeApproximately(sd, 0.06 * sd);
    }

    [Fact]
    public void Failed_outputs_are_refused_with_a_clear_message()
    {
        var gp = new GaussianProcess<double[]>(new Matern52Ard(1));
        gp.Invoking(g => g.Fit([new[] { 0.1 }, new[] { 0.2 }], [1.0, double.NaN])).Should().Throw<ArgumentException>().WithMessage("*finite*");
    }
}
