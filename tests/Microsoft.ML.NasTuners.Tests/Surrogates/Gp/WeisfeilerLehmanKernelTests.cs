using MathNet.Numerics.LinearAlgebra;
using Microsoft.ML.NasTuners.Architectures;
using Microsoft.ML.NasTuners.Surrogates.Gp;

namespace Microsoft.ML.NasTuners.Tests.Surrogates.Gp;

public class WeisfeilerLehmanKernelTests
{
    private static readonly string[] Operations = ["conv1", "conv3", "pool", "skip"];

    // Random cells: input, four operation nodes, output; each operation node fed by 1-2 earlier nodes.
    internal static ArchitectureGraph[] RandomGraphs(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var labels = new List<string> { "input" };
            var edges = new HashSet<ArchitectureEdge>();
            for (var v = 1; v <= 4; v++)
            {
                labels.Add(Operations[random.Next(Operations.Length)]);
                edges.Add(new ArchitectureEdge(random.Next(v), v));
                edges.Add(new ArchitectureEdge(random.Next(v), v));
            }
            labels.Add("output");
            for (var v = 1; v <= 4; v++) edges.Add(new ArchitectureEdge(v, 5));
            return new ArchitectureGraph(labels, edges);
        }).ToArray();
    }

    [Fact]
    public void The_kernel_matrix_is_symmetric_positive_semi_definite_with_the_amplitude_on_the_diagonal()
    {
        var kernel = new WeisfeilerLehmanKernel(2);
        kernel.Amplitude.Value = 0.7;
        kernel.IterationWeight(1).Value = 3;
        var x = RandomGraphs(30, seed: 1);
        var k = kernel.Covariance(x);

        k.Should().BeEquivalentTo(k.Transpose());
        k.Diagonal().Should().OnlyContain(v => Math.Abs(v - 0.7) < 1e-12);
        k.Evd(Symmetricity.Symmetric).EigenValues.Real().Minimum().Should().BeGreaterThan(-1e-10);
        kernel.CrossCovariance(x.Take(2).ToArray(), x)[1, 5].Should().BeApproximately(k[1, 5], 1e-14);
    }

    [Fact]
    public void With_equal_weights_the_kernel_is_the_normalised_dot_product_of_the_label_counts()
    {
        var kernel = new WeisfeilerLehmanKernel(1);
        var x = RandomGraphs(2, seed: 3);
        var fx = kernel.Features.Extract(x[0]);
        var fy = kernel.Features.Extract(x[1]);
        var dots = new double[2];
        fx.AddDotProducts(fy, dots);

        var expected = dots.Sum() / Math.Sqrt(fx.SquaredNorms.Sum() * fy.SquaredNorms.Sum());
        kernel.CrossCovariance([x[0]], [x[1]])[0, 0].Should().BeApproximately(expected, 1e-14);
        expected.Should().BeInRange(0, 1);
    }

    [Fact]
    public void The_marginal_likelihood_gradient_matches_finite_differences()
    {
        var x = RandomGraphs(15, seed: 2);
        var y = x.Select(g => g.NodeLabels.Count(l => l == "conv3") + 0.3 * g.Edges.Count).ToArray();
        var gp = new GaussianProcess<ArchitectureGraph>(new WeisfeilerLehmanKernel(2));
        gp.Fit(x, y);
        var theta = gp.GetTheta();
        theta[1] = Math.Log(0.05);
        theta[2] = Math.Log(1.4);
        theta[3] = Math.Log(0.5);
        theta[5] = Math.Log(3);
        GpTestData.LikelihoodGradientShouldMatchFiniteDifferences(gp, theta);
    }
}
