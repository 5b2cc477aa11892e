using MathNet.Numerics.LinearAlgebra;

namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// A kernel over points of R^d that can also be differentiated with respect to its inputs, which gradient-based
/// acquisition optimisation and input-warping hyper-parameters need.
/// </summary>
public interface IDifferentiableKernel : IKernel<double[]>
{
    /// <summary>The number of coordinates of an input.</summary>
    int Dimension { get; }

    /// <summary>Writes k(x, data[i]) into <paramref name="values"/> and d k(x, data[i]) / dx into row i of
    /// <paramref name="gradients"/> (row-major, data.Count × <see cref="Dimension"/>).</summary>
    void CrossCovarianceWithGradient(double[] x, IReadOnlyList<double[]> data, Span<double> values, Span<double> gradients);

    /// <summary>k(x, x), with its gradient with respect to x written into <paramref name="gradient"/>.</summary>
    double VarianceWithGradient(double[] x, Span<double> gradient);

    /// <summary>Writes G[i, c] = sum over j of weights[i, j] * d k(x[i], x[j]) / d x[i][c] into <paramref name="result"/>
    /// (row-major, n × <see cref="Dimension"/>); the chain rule through an input transform with hyper-parameters needs it.</summary>
    void WeightedInputGradients(IReadOnlyList<double[]> x, Matrix<double> weights, Span<double> result);
}
