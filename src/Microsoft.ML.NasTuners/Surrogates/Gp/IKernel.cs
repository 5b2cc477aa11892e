using MathNet.Numerics.LinearAlgebra;

namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// A covariance function over inputs of type <typeparamref name="TInput"/> (points of the unit cube, strings,
/// graphs, ...). The kernel owns its hyper-parameters and their priors; a <see cref="GaussianProcess{TInput}"/>
/// reads and writes them through <see cref="Hyperparameters"/>.
/// </summary>
/// <typeparam name="TInput">The type of one input.</typeparam>
public interface IKernel<TInput>
{
    /// <summary>The hyper-parameters, in a fixed order.</summary>
    IReadOnlyList<Hyperparameter> Hyperparameters { get; }

    /// <summary>The symmetric matrix K[i, j] = k(x[i], x[j]).</summary>
    Matrix<double> Covariance(IReadOnlyList<TInput> x);

    /// <summary>The matrix K[i, j] = k(a[i], b[j]).</summary>
    Matrix<double> CrossCovariance(IReadOnlyList<TInput> a, IReadOnlyList<TInput> b);

    /// <summary>k(x, x).</summary>
    double Variance(TInput x);

    /// <summary>
    /// For each hyper-parameter p, writes sum over i, j of weights[i, j] * dK[i, j]/dTheta_p into
    /// <paramref name="gradient"/> (Theta as in <see cref="Hyperparameter.Theta"/>). The marginal likelihood
    /// gradient needs exactly these contractions, and computing them in one pass avoids one n×n matrix per
    /// hyper-parameter.
    /// </summary>
    /// <param name="x">The inputs of the covariance matrix.</param>
    /// <param name="weights">A symmetric n×n weight matrix.</param>
    /// <param name="gradient">Receives one value per hyper-parameter.</param>
    void CovarianceGradient(IReadOnlyList<TInput> x, Matrix<double> weights, Span<double> gradient);

    /// <summary>A deep copy: same hyper-parameter values, independent from here on.</summary>
    IKernel<TInput> Clone();
}
