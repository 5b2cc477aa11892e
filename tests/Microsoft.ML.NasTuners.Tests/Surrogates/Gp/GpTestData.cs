using Microsoft.ML.NasTuners.Surrogates.Gp;

namespace Microsoft.ML.NasTuners.Tests.Surrogates.Gp;

/// <summary>Small data sets shared by the GP tests.</summary>
internal static class GpTestData
{
    public static double[][] RandomPoints(int count, int dimension, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, dimension).Select(_ => random.NextDouble()).ToArray()).ToArray();
    }

    public static double Smooth(double[] x) => Math.Sin(3 * x[0]) + x[1] * x[1] - 0.5 * x[^1];

    /// <summary>Asserts that the analytic gradient of the log marginal likelihood at <paramref name="theta"/> matches
    /// central finite differences along every hyper-parameter.</summary>
    public static void LikelihoodGradientShouldMatchFiniteDifferences<TInput>(GaussianProcess<TInput> gp, double[] theta)
    {
        var gradient = new double[theta.Length];
        gp.LogMarginalLikelihood(theta, gradient);
        for (var p = 0; p < theta.Length; p++)
        {
            var numeric = Derivative(t => gp.LogMarginalLikelihood(t, default), theta, p, 1e-5);
            gradient[p].Should().BeApproximately(numeric, 1e-4 * Math.Max(1, Math.Abs(numeric)), $"hyper-parameter {gp.Hyperparameters[p].Name}");
        }
    }

    /// <summary>Central finite difference of <paramref name="f"/> along coordinate <paramref name="i"/>.</summary>
    public static double Derivative(Func<double[], double> f, double[] x, int i, double step = 1e-6)
    {
        var plus = (double[])x.Clone();
        var minus = (double[])x.Clone();
        plus[i] += step;
        minus[i] -= step;
        return (f(plus) - f(minus)) / (2 * step);
    }
}
