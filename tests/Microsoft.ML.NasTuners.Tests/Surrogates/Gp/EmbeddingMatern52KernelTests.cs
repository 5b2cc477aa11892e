using MathNet.Numerics.LinearAlgebra;
using Microsoft.ML.NasTuners.Surrogates.Gp;

namespace Microsoft.ML.NasTuners.Tests.Surrogates.Gp;

public class EmbeddingMatern52KernelTests
{
    // Sparse count vectors over 8 named features, about half of them present; one empty.
    private static IReadOnlyDictionary<string, double>[] RandomEmbeddings(int count, int seed)
    {
        var random = new Random(seed);
        var result = Enumerable.Range(0, count).Select(_ => (IReadOnlyDictionary<string, double>)Enumerable.Range(0, 8)
            .Where(_ => random.NextDouble() < 0.5)
            .ToDictionary(f => $"f{f}", _ => (double)random.Next(1, 4))).ToArray();
        result[0] = new Dictionary<string, double>();
        return result;
    }

    [Fact]
    public void The_kernel_matrix_is_symmetric_positive_semi_definite_with_the_amplitude_on_the_diagonal()
    {
        var kernel = new EmbeddingMatern52Kernel();
        kernel.Amplitude.Value = 0.7;
        kernel.LengthScale.Value = 0.3;
        var x = RandomEmbeddings(30, seed: 1);
        var k = kernel.Covariance(x);

        k.Should().BeEquivalentTo(k.Transpose());
        k.Diagonal().Should().OnlyContain(v => Math.Abs(v - 0.7) < 1e-12);
        k.Evd(Symmetricity.Symmetric).EigenValues.Real().Minimum().Should().BeGreaterThan(-1e-10);
        kernel.CrossCovariance(x.Take(3).ToArray(), x)[2, 5].Should().BeApproximately(k[2, 5], 1e-14);
    }

    [Fact]
    public void It_compares_the_mix_of_features_not_the_size_of_the_embedding()
    {
        var kernel = new EmbeddingMatern52Kernel();
        IReadOnlyDictionary<string, double> small = new Dictionary<string, double> { ["a"] = 1, ["b"] = 2 };
        IReadOnlyDictionary<string, double> large = new Dictionary<string, double> { ["a"] = 3, ["b"] = 6 };
        IReadOnlyDictionary<string, double> other = new Dictionary<string, double> { ["c"] = 1 };

        kernel.CrossCovariance([small], [large])[0, 0].Should().BeApproximately(1, 1e-12);
        // Disjoint features: distance √2 between the normalised vectors.
        var s = Math.Sqrt(5) * Math.Sqrt(2) / 0.5;
        kernel.CrossCovariance([small], [other])[0, 0].Should().BeApproximately((1 + s + s * s / 3) * Math.Exp(-s), 1e-12);
    }

    [Fact]
    public void The_marginal_likelihood_gradient_matches_finite_differences()
    {
        var x = RandomEmbeddings(15, seed: 2);
        var y = x.Select(e => e.GetValueOrDefault("f1") - 0.5 * e.GetValueOrDefault("f4") + 0.1 * e.Count).ToArray();
        var gp = new GaussianProcess<IReadOnlyDictionary<string, double>>(new EmbeddingMatern52Kernel());
        gp.Fit(x, y);
        var theta = gp.GetTheta();
        theta[1] = Math.Log(0.05);
        theta[2] = Math.Log(1.4);
        theta[3] = Math.Log(0.7);
        GpTestData.LikelihoodGradientShouldMatchFiniteDifferences(gp, theta);
    }

    [Fact]
    public void Hyper_parameters_must_be_log_scaled()
    {
        var act = () => new EmbeddingMatern52Kernel(new Hyperparameter("amplitude", 1, 0.1, 10, FlatPrior.Instance, logScale: false),
            new Hyperparameter("lengthscale", 1, 0.1, 10, FlatPrior.Instance));
        act.Should().Throw<ArgumentException>();
    }
}
