using MathNet.Numerics.LinearAlgebra;

namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// A kernel applied to transformed inputs: k(x, y) = inner(T(x), T(y)). Its hyper-parameters are the transform's
/// followed by the inner kernel's, so warping parameters are sampled or optimised with the length-scales.
/// </summary>
public sealed class TransformedKernel : IDifferentiableKernel
{
    private readonly Hyperparameter[] _hyperparameters;

    // The GP asks again and again about the same training inputs (always the first argument) under the same
    // transform parameters; one remembered transformation saves re-warping them on every acquisition evaluation.
    private IReadOnlyList<double[]>? _cachedSource;
    private double[]? _cachedThetas;
    private double[][]? _cachedTransformed;

    /// <summary>Creates the kernel.</summary>
    /// <param name="transform">The input transform.</param>
    /// <param name="inner">The kernel on transformed inputs; same dimension as the transform.</param>
    public TransformedKernel(IInputTransform transform, IDifferentiableKernel inner)
    {
        Transform = transform ?? throw new ArgumentNullException(nameof(transform));
        Inner = inner ?? throw new ArgumentNullException(nameof(inner));
        if (transform.Dimension != inner.Dimension)
            throw new ArgumentException($"The transform has dimension {transform.Dimension} but the kernel {inner.Dimension}.", nameof(inner));
        _hyperparameters = [.. transform.Hyperparameters, .. inner.Hyperparameters];
    }

    /// <summary>The input transform.</summary>
    public IInputTransform Transform { get; }

    /// <summary>The kernel on transformed inputs.</summary>
    public IDifferentiableKernel Inner { get; }

    /// <inheritdoc />
    public int Dimension => Inner.Dimension;

    /// <inheritdoc />
    public IReadOnlyList<Hyperparameter> Hyperparameters => _hyperparameters;

    /// <inheritdoc />
    public Matrix<double> Covariance(IReadOnlyList<double[]> x) => Inner.Covariance(Apply(x));

    /// <inheritdoc />
    public Matrix<double> CrossCovariance(IReadOnlyList<double[]> a, IReadOnlyList<double[]> b) => Inner.CrossCovariance(Apply(a), Apply(b, remember: false));

    /// <inheritdoc />
    public double Variance(double[] x) => Inner.Variance(Apply(x));

    /// <inheritdoc />
    public double VarianceWithGradient(double[] x, Span<double> gradient)
    {
        var value = Inner.VarianceWithGradient(Apply(x), gradient);
        Span<double> derivative = stackalloc double[Dimension];
        Transform.Derivative(x, derivative);
        for (var c = 0; c < Dimension; c++) gradient[c] *= derivative[c];
        return value;
    }

    /// <inheritdoc />
    public void CrossCovarianceWithGradient(double[] x, IReadOnlyList<double[]> data, Span<double> values, Span<double> gradients)
    {
        Inner.CrossCovarianceWithGradient(Apply(x), Apply(data), values, gradients);
        Span<double> derivative = stackalloc double[Dimension];
        Transform.Derivative(x, derivative);
        var d = Dimension;
        for (var i = 0; i < data.Count; i++)
        {
            for (var c = 0; c < d; c++) gradients[i * d + c] *= derivative[c];
        }
    }

    /// <inheritdoc />
    public void CovarianceGradient(IReadOnlyList<double[]> x, Matrix<double> weights, Span<double> gradient)
    {
        var transformed = Apply(x);
        var own = Transform.Hyperparameters.Count;
        Inner.CovarianceGradient(transformed, weights, gradient[own..]);
        if (own == 0) return;
        var n = x.Count;
        var d = Dimension;
        var g = new double[n * d];
        Inner.WeightedInputGradients(transformed, weights, g);
        var dx = new double[d];
        for (var p = 0; p < own; p++)
        {
            // Σ_ij W_ij dK_ij/dφ = 2 Σ_i Σ_c G[i,c] dT(x_i)_c/dφ, as W and k are symmetric.
            double sum = 0;
            for (var i = 0; i < n; i++)
            {
                Transform.HyperparameterDerivative(x[i], p, dx);
                for (var c = 0; c < d; c++) sum += g[i * d + c] * dx[c];
            }
            gradient[p] = 2 * sum;
        }
    }

    /// <inheritdoc />
    public void WeightedInputGradients(IReadOnlyList<double[]> x, Matrix<double> weights, Span<double> result)
    {
        Inner.WeightedInputGradients(Apply(x), weights, result);
        var d = Dimension;
        Span<double> derivative = stackalloc double[d];
        for (var i = 0; i < x.Count; i++)
        {
            Transform.Derivative(x[i], derivative);
            for (var c = 0; c < d; c++) result[i * d + c] *= derivative[c];
        }
    }

    /// <inheritdoc />
    public IKernel<double[]> Clone() => new TransformedKernel(Transform.Clone(), (IDifferentiableKernel)Inner.Clone());

    /// <inheritdoc />
    public override string ToString() => $"Transformed({Inner})";

    private double[] Apply(double[] x)
    {
        var result = new double[Dimension];
        Transform.Transform(x, result);
        return result;
    }

    private IReadOnlyList<double[]> Apply(IReadOnlyList<double[]> x, bool remember = true)
    {
        if (x.Count == 1 || !remember) return x.Select(Apply).ToArray();
        var own = Transform.Hyperparameters;
        if (ReferenceEquals(x, _cachedSource) && _cachedThetas is { } thetas && _cachedTransformed is { } cached)
        {
            var same = true;
            for (var p = 0; p < own.Count && same; p++) same = own[p].Theta == thetas[p];
            if (same) return cached;
        }
        var result = new double[x.Count][];
        for (var i = 0; i < x.Count; i++) result[i] = Apply(x[i]);
        _cachedSource = x;
        _cachedThetas = own.Select(h => h.Theta).ToArray();
        _cachedTransformed = result;
        return result;
    }
}
