using Microsoft.ML.NasTuners.Acquisition.Gp;
using Microsoft.ML.NasTuners.Surrogates.Gp;
using Microsoft.ML.NasTuners.Tests.Surrogates.Gp;

namespace Microsoft.ML.NasTuners.Tests.Acquisition.Gp;

public class IntegratedExpectedImprovementTests
{
    private static GaussianProcess<double[]> Model(double lengthScale, int seed = 1)
    {
        var x = GpTestData.RandomPoints(12, 2, seed);
        var kernel = new Matern52Ard(2);
        kernel.LengthScale(0).Value = lengthScale;
        kernel.LengthScale(1).Value = 2 * lengthScale;
        var gp = new GaussianProcess<double[]>(kernel);
        gp.NoiseVariance.Value = 1e-4;
        gp.Fit(x, x.Select(p => (p[0] - 0.3) * (p[0] - 0.3) + (p[1] - 0.6) * (p[1] - 0.6)).ToArray());
        return gp;
    }

    [Fact]
    public void One_model_gives_the_log_of_plain_EI_below_the_lowest_fitted_mean()
    {
        var gp = Model(0.4);
        var acquisition = new IntegratedExpectedImprovement([gp]);
        var point = new[] { 0.5, 0.5 };
        var prediction = gp.Predict([point]);
        var expected = NasTuners.Acquisition.ExpectedImprovement.Log(prediction.Mean[0], Math.Sqrt(prediction.Variance[0]), gp.FittedMeans().Min());
        acquisition.Evaluate([point])[0].Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void Several_models_average_EI_and_the_gradient_matches_finite_differences()
    {
        var models = new[] { Model(0.2), Model(0.4), Model(0.8) };
        var acquisition = new IntegratedExpectedImprovement(models);
        var point = new[] { 0.45, 0.35 };
        var single = models.Select(m => Math.Exp(new IntegratedExpectedImprovement([m]).Evaluate([point])[0])).Average();
        acquisition.Evaluate([point])[0].Should().BeApproximately(Math.Log(single), 1e-10);

        var gradient = new double[2];
        var value = acquisition.EvaluateWithGradient(point, gradient);
        value.Should().BeApproximately(Math.Log(single), 1e-9);
        for (var c = 0; c < 2; c++)
            gradient[c].Should().BeApproximately(GpTestData.Derivative(p => acquisition.Evaluate([p])[0], point, c), 1e-5);
    }

    [Fact]
    public void EI_per_second_subtracts_the_predicted_log_duration()
    {
        var gp = Model(0.4);
        var x = GpTestData.RandomPoints(12, 2, 1);
        var cost = new GaussianProcess<double[]>(new Matern52Ard(2));
        cost.Fit(x, x.Select(p => Math.Log(100 + 900 * p[0])).ToArray());
        var plain = new IntegratedExpectedImprovement([gp]);
        var perSecond = new IntegratedExpectedImprovement([gp], [cost]);
        var points = new[] { new[] { 0.1, 0.5 }, new[] { 0.9, 0.5 } };
        var difference = plain.Evaluate(points).Zip(perSecond.Evaluate(points), (a, b) => a - b).ToArray();
        var logDurations = cost.Predict(points).Mean;
        for (var i = 0; i < 2; i++) difference[i].Should().BeApproximately(logDurations[i], 1e-12);
        perSecond.IsCostAware.Should().BeTrue();

        var gradient = new double[2];
        perSecond.EvaluateWithGradient(points[0], gradient);
        gradient[0].Should().BeApproximately(GpTestData.Derivative(p => perSecond.Evaluate([p])[0], points[0], 0), 1e-5);
    }

    [Fact]
    public void The_optimiser_finds_the_maximum_of_the_acquisition()
    {
        var gp = Model(0.4);
        var acquisition = new IntegratedExpectedImprovement([gp]);
        var best = new AcquisitionOptimizer(randomCandidates: 300, localCandidates: 100).Maximize(acquisition, [gp.Inputs[0]], new Random(1))!;
        var value = acquisition.Evaluate([best])[0];
        var grid = Enumerable.Range(0, 41).SelectMany(i => Enumerable.Range(0, 41).Select(j => new[] { i / 40.0, j / 40.0 })).ToArray();
        value.Should().BeGreaterThanOrEqualTo(acquisition.Evaluate(grid).Max() - 1e-6);
    }

    [Fact]
    public void A_screening_acquisition_only_preselects_candidates()
    {
        var models = new[] { Model(0.2), Model(0.4), Model(0.8) };
        var full = new IntegratedExpectedImprovement(models);
        var screening = new IntegratedExpectedImprovement([models[1]]);
        var best = new AcquisitionOptimizer(randomCandidates: 300, localCandidates: 100, shortlistSize: 20)
            .Maximize(full, [models[0].Inputs[0]], new Random(2), screening: screening)!;
        var grid = Enumerable.Range(0, 41).SelectMany(i => Enumerable.Range(0, 41).Select(j => new[] { i / 40.0, j / 40.0 })).ToArray();
        full.Evaluate([best])[0].Should().BeGreaterThanOrEqualTo(full.Evaluate(grid).Max() - 1e-3);
    }

    [Fact]
    public void The_optimiser_skips_refused_points()
    {
        var gp = Model(0.4);
        var acquisition = new IntegratedExpectedImprovement([gp]);
        var optimiser = new AcquisitionOptimizer(randomCandidates: 50, localCandidates: 0, starts: 2);
        var first = optimiser.Maximize(acquisition, [], new Random(1))!;
        var second = optimiser.Maximize(acquisition, [], new Random(1), isAllowed: p => Math.Abs(p[0] - first[0]) > 0.05)!;
        Math.Abs(second[0] - first[0]).Should().BeGreaterThan(0.05);
        optimiser.Maximize(acquisition, [], new Random(1), isAllowed: _ => false).Should().BeNull();
    }
}
