using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// Gaussian-process regression with a constant mean, a swappable kernel and Gaussian noise, by exact inference
/// (Cholesky). Outputs are standardised internally (zero mean, unit variance), so the mean and noise
/// hyper-parameters and the kernel amplitude live on a scale that does not depend on the objective's units;
/// every public value (predictions, samples) is in the original units.
/// </summary>
/// <remarks>
/// The hyper-parameter vector (<see cref="GetTheta"/>) is the mean, the noise variance, then the kernel's
/// hyper-parameters. Duplicate inputs are fine: when the Cholesky factorisation fails, a jitter growing tenfold
/// from 1e-10 of the signal variance is added to the diagonal until it succeeds.
/// </remarks>
/// <typeparam name="TInput">The type of one input (as the kernel takes it).</typeparam>
public sealed class GaussianProcess<TInput>
{
    private const double FirstJitter = 1e-10;
    private const double LastJitter = 1e-2;

    private readonly Hyperparameter[] _hyperparameters;
    private TInput[] _x = [];
    private double[] _y = [];
    // Three levels of cached work, each valid while the hyper-parameters it depends on are unchanged (checked against
    // the Theta they were computed at, so hyper-parameters changed directly are noticed too): the kernel matrix (kernel
    // hyper-parameters), its factorisation (plus the noise), and α = K⁻¹(y − m) (plus the mean). A slice-sampling move
    // along the mean then costs one solve, and one along the noise no kernel evaluations.
    private Matrix<double>? _kernelMatrix;
    private double[]? _kernelMatrixTheta;
    private Cholesky<double>? _cholesky;
    private double[]? _choleskyTheta;
    private Vector<double>? _alpha;
    private double[]? _alphaTheta;
    private double _diagonal;
    private double _logMarginalLikelihood;

    /// <summary>Creates a GP with the default mean and noise hyper-parameters: mean 0 (standardised units) with prior
    /// Normal(0, 1) on [-10, 10]; noise variance 1e-3 with a horseshoe prior of scale 0.1 on [1e-12, 1]. The floor is
    /// that low so that a noiseless objective can be resolved to its last digits (a floor of 1e-8 left the Branin
    /// regret at 1e-5); duplicates are then handled by jitter.</summary>
    /// <param name="kernel">The kernel (owned by the GP from here on).</param>
    public GaussianProcess(IKernel<TInput> kernel)
        : this(kernel,
            new Hyperparameter("mean", 0, -10, 10, new NormalPrior(0, 1), logScale: false),
            new Hyperparameter("noise", 1e-3, 1e-12, 1, new HorseshoePrior(0.1)))
    {
    }

    /// <summary>Creates a GP with explicit mean and noise hyper-parameters (standardised units).</summary>
    /// <param name="kernel">The kernel (owned by the GP from here on).</param>
    /// <param name="mean">The constant mean; not log-scaled.</param>
    /// <param name="noiseVariance">The variance of the Gaussian noise; log-scaled.</param>
    public GaussianProcess(IKernel<TInput> kernel, Hyperparameter mean, Hyperparameter noiseVariance)
    {
        Kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
        Mean = mean ?? throw new ArgumentNullException(nameof(mean));
        NoiseVariance = noiseVariance ?? throw new ArgumentNullException(nameof(noiseVariance));
        if (mean.LogScale) throw new ArgumentException("The mean may be negative, so it must not be log-scaled.", nameof(mean));
        if (!noiseVariance.LogScale) throw new ArgumentException("The noise variance must be log-scaled (positive).", nameof(noiseVariance));
        _hyperparameters = [mean, noiseVariance, .. kernel.Hyperparameters];
    }

    /// <summary>The kernel.</summary>
    public IKernel<TInput> Kernel { get; }

    /// <summary>The constant mean, in standardised units.</summary>
    public Hyperparameter Mean { get; }

    /// <summary>The noise variance, in standardised units.</summary>
    public Hyperparameter NoiseVariance { get; }

    /// <summary>All hyper-parameters: mean, noise variance, then the kernel's.</summary>
    public IReadOnlyList<Hyperparameter> Hyperparameters => _hyperparameters;

    /// <summary>The number of observations.</summary>
    public int Count => _x.Length;

    /// <summary>The observed inputs.</summary>
    public IReadOnlyList<TInput> Inputs => _x;

    /// <summary>The offset of the standardisation: original = <see cref="OutputMean"/> + <see cref="OutputScale"/> × standardised.</summary>
    public double OutputMean { get; private set; }

    /// <summary>The scale of the standardisation.</summary>
    public double OutputScale { get; private set; } = 1;

    /// <summary>The jitter added to the diagonal at the last factorisation, beyond the noise variance.</summary>
    public double Jitter { get; private set; }

    /// <summary>
    /// Sets the data: standardises <paramref name="y"/> and keeps copies of both lists. Hyper-parameters are left as
    /// they are.
    /// </summary>
    public void Fit(IReadOnlyList<TInput> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count) throw new ArgumentException($"Got {x.Count} inputs but {y.Count} outputs.", nameof(y));
        if (x.Count == 0) throw new ArgumentException("A GP needs at least one observation.", nameof(x));
        if (y.Any(v => !double.IsFinite(v))) throw new ArgumentException("Outputs must be finite; keep failed trials out of the GP.", nameof(y));
        var mean = y.Average();
        var variance = y.Count > 1 ? y.Sum(v => (v - mean) * (v - mean)) / (y.Count - 1) : 0;
        var scale = Math.Sqrt(variance);
        SetData(x.ToArray(), y.ToArray(), mean, scale > 1e-12 * Math.Max(1, Math.Abs(mean)) ? scale : 1);
    }

    /// <summary>The hyper-parameters as one vector of <see cref="Hyperparameter.Theta"/> values.</summary>
    public double[] GetTheta() => _hyperparameters.Select(h => h.Theta).ToArray();

    /// <summary>Sets every hyper-parameter from a vector of Theta values (clamped to their bounds).</summary>
    public void SetTheta(ReadOnlySpan<double> theta)
    {
        if (theta.Length != _hyperparameters.Length)
            throw new ArgumentException($"Expected {_hyperparameters.Length} hyper-parameters, got {theta.Length}.", nameof(theta));
        for (var p = 0; p < theta.Length; p++)
        {
            if (_hyperparameters[p].Theta != theta[p]) _hyperparameters[p].Theta = theta[p];
        }
    }

    /// <summary>The bounds of the Theta vector.</summary>
    public (double[] Lower, double[] Upper) ThetaBounds() =>
        (_hyperparameters.Select(h => h.ThetaLower).ToArray(), _hyperparameters.Select(h => h.ThetaUpper).ToArray());

    /// <summary>The log marginal likelihood of the standardised outputs under the current hyper-parameters;
    /// negative infinity when the covariance cannot be factorised.</summary>
    public double LogMarginalLikelihood() => TryFactorise() ? _logMarginalLikelihood : double.NegativeInfinity;

    /// <summary>
    /// Sets the hyper-parameters to <paramref name="theta"/> and returns the log marginal likelihood there; when
    /// <paramref name="gradient"/> is not empty it receives the derivative with respect to each Theta.
    /// </summary>
    public double LogMarginalLikelihood(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        SetTheta(theta);
        if (!TryFactorise())
        {
            gradient.Clear();
            return double.NegativeInfinity;
        }
        if (gradient.IsEmpty) return _logMarginalLikelihood;
        var n = _x.Length;
        var alpha = _alpha!;
        // d LML / dθ = ½ tr((ααᵀ − K⁻¹) dK/dθ).
        var weights = _cholesky!.Solve(Matrix<double>.Build.DenseIdentity(n));
        weights.Negate(weights);
        var w = weights.AsColumnMajorArray()!;
        double trace = 0;
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++) w[j * n + i] += alpha[i] * alpha[j];
            trace += w[j * n + j];
        }
        gradient[0] = alpha.Sum();
        gradient[1] = 0.5 * NoiseVariance.Value * trace;
        var kernelGradient = gradient[2..];
        Kernel.CovarianceGradient(_x, weights, kernelGradient);
        for (var p = 0; p < kernelGradient.Length; p++) kernelGradient[p] *= 0.5;
        return _logMarginalLikelihood;
    }

    /// <summary>The log prior density of <paramref name="theta"/> (sum over hyper-parameters); when
    /// <paramref name="gradient"/> is not empty it receives the derivative.</summary>
    public double LogPrior(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double sum = 0;
        for (var p = 0; p < _hyperparameters.Length; p++)
        {
            sum += _hyperparameters[p].LogPriorOfTheta(theta[p]);
            if (!gradient.IsEmpty) gradient[p] = _hyperparameters[p].LogPriorGradientOfTheta(theta[p]);
        }
        return sum;
    }

    /// <summary>The log posterior density of the hyper-parameters (log marginal likelihood plus log prior), up to a
    /// constant; sets the hyper-parameters to <paramref name="theta"/>.</summary>
    public double LogPosterior(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        var prior = LogPrior(theta, gradient);
        if (double.IsNegativeInfinity(prior)) return prior;
        if (gradient.IsEmpty) return prior + LogMarginalLikelihood(theta, default);
        var likelihoodGradient = new double[theta.Length];
        var value = prior + LogMarginalLikelihood(theta, likelihoodGradient);
        for (var p = 0; p < theta.Length; p++) gradient[p] += likelihoodGradient[p];
        return value;
    }

    /// <summary>The posterior mean and variance of the latent function at many points at once.</summary>
    public GpPrediction Predict(IReadOnlyList<TInput> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        Factorise();
        var m = points.Count;
        var mean = new double[m];
        var variance = new double[m];
        if (m == 0) return new GpPrediction(mean, variance);
        var cross = Kernel.CrossCovariance(_x, points);
        var solved = _cholesky!.Solve(cross);
        var means = cross.TransposeThisAndMultiply(_alpha!);
        var n = _x.Length;
        var c = cross.AsColumnMajorArray() ?? cross.ToColumnMajorArray();
        var s = solved.AsColumnMajorArray() ?? solved.ToColumnMajorArray();
        var scale2 = OutputScale * OutputScale;
        for (var j = 0; j < m; j++)
        {
            double explained = 0;
            for (var i = 0; i < n; i++) explained += c[j * n + i] * s[j * n + i];
            mean[j] = OutputMean + OutputScale * (Mean.Value + means[j]);
            variance[j] = scale2 * Math.Max(Kernel.Variance(points[j]) - explained, MinimumVariance);
        }
        return new GpPrediction(mean, variance);
    }

    /// <summary>The posterior mean of the latent function at each observed input, in original units.</summary>
    public double[] FittedMeans()
    {
        Factorise();
        var result = new double[_y.Length];
        // K_f α = (K_f + δI) α − δα = (y − m) − δα, with δ the noise plus jitter.
        for (var i = 0; i < result.Length; i++)
            result[i] = OutputMean + OutputScale * (_y[i] - _diagonal * _alpha![i]);
        return result;
    }

    /// <summary>
    /// Draws noisy observations at <paramref name="points"/> jointly from the posterior (the fantasies of trials
    /// still running), in original units.
    /// </summary>
    public double[] SampleObservations(IReadOnlyList<TInput> points, Random random)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(random);
        Factorise();
        var p = points.Count;
        if (p == 0) return [];
        var cross = Kernel.CrossCovariance(_x, points);
        var solved = _cholesky!.Solve(cross);
        var covariance = Kernel.Covariance(points) - cross.TransposeThisAndMultiply(solved);
        var means = cross.TransposeThisAndMultiply(_alpha!);
        for (var i = 0; i < p; i++) covariance[i, i] += NoiseVariance.Value;
        var factor = FactoriseWithJitter(covariance, out _).Factor;
        var z = Vector<double>.Build.Dense(p, _ => Normal.Sample(random, 0, 1));
        var draw = factor * z;
        var result = new double[p];
        for (var i = 0; i < p; i++) result[i] = OutputMean + OutputScale * (Mean.Value + means[i] + draw[i]);
        return result;
    }

    /// <summary>A GP with the same hyper-parameters and standardisation whose data are this GP's plus the given
    /// observations (original units) — how fantasies of pending trials are conditioned on.</summary>
    public GaussianProcess<TInput> Condition(IReadOnlyList<TInput> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count) throw new ArgumentException($"Got {x.Count} inputs but {y.Count} outputs.", nameof(y));
        var copy = CloneModel();
        copy.SetData([.. _x, .. x], [.. _y, .. y.Select(v => (v - OutputMean) / OutputScale)], OutputMean, OutputScale, standardised: true);
        return copy;
    }

    /// <summary>A GP with independent hyper-parameters (same values) holding only the observations at
    /// <paramref name="indices"/>, standardised as this GP's are: hyper-parameters estimated on it (mean, noise and
    /// amplitude are in standardised units) carry over to this GP unchanged.</summary>
    public GaussianProcess<TInput> Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.Count == 0) throw new ArgumentException("A GP needs at least one observation.", nameof(indices));
        var copy = CloneModel();
        copy.SetData(indices.Select(i => _x[i]).ToArray(), indices.Select(i => _y[i]).ToArray(), OutputMean, OutputScale, standardised: true);
        return copy;
    }

    /// <summary>A copy with independent hyper-parameters (same values) sharing this GP's data.</summary>
    public GaussianProcess<TInput> Clone()
    {
        var copy = CloneModel();
        copy.SetData(_x, _y, OutputMean, OutputScale, standardised: true);
        return copy;
    }

    /// <inheritdoc />
    public override string ToString() => $"GP(n={Count}, {string.Join(", ", _hyperparameters.Select(h => h.ToString()))})";

    // Keeps variances positive when rounding leaves k(x,x) − kᵀK⁻¹k slightly negative at data points.
    internal const double MinimumVariance = 1e-12;

    internal Vector<double> Alpha
    {
        get
        {
            Factorise();
            return _alpha!;
        }
    }

    internal Cholesky<double> Factorisation
    {
        get
        {
            Factorise();
            return _cholesky!;
        }
    }

    private GaussianProcess<TInput> CloneModel()
    {
        var kernel = Kernel.Clone();
        return new GaussianProcess<TInput>(kernel, Mean.Clone(), NoiseVariance.Clone());
    }

    private void SetData(TInput[] x, double[] y, double mean, double scale, bool standardised = false)
    {
        _x = x;
        _y = standardised ? y : y.Select(v => (v - mean) / scale).ToArray();
        OutputMean = mean;
        OutputScale = scale;
        _kernelMatrix = null;
        _cholesky = null;
        _alpha = null;
    }

    private void Factorise()
    {
        if (_x.Length == 0) throw new InvalidOperationException("The GP has no data; call Fit first.");
        if (!TryFactorise())
            throw new InvalidOperationException($"The covariance matrix could not be factorised even with jitter {LastJitter}: {this}.");
    }

    private bool TryFactorise()
    {
        if (_x.Length == 0) return false;
        var theta = GetTheta();
        if (_alpha is not null && SameFrom(theta, _alphaTheta, 0)) return true;
        _alpha = null;
        if (_cholesky is null || !SameFrom(theta, _choleskyTheta, 1))
        {
            _cholesky = null;
            if (_kernelMatrix is null || !SameFrom(theta, _kernelMatrixTheta, 2))
            {
                _kernelMatrix = Kernel.Covariance(_x);
                _kernelMatrixTheta = theta;
            }
            var k = _kernelMatrix.Clone();
            for (var i = 0; i < _x.Length; i++) k[i, i] += NoiseVariance.Value;
            try
            {
                _cholesky = FactoriseWithJitter(k, out var jitter);
                _choleskyTheta = theta;
                Jitter = jitter;
                _diagonal = NoiseVariance.Value + Jitter;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
        var residual = Vector<double>.Build.Dense(_y.Length, i => _y[i] - Mean.Value);
        var alpha = _cholesky.Solve(residual);
        // log N(r | 0, K) = −½ rᵀK⁻¹r − ½ log|K| − (n/2) log 2π.
        _logMarginalLikelihood = -0.5 * residual.DotProduct(alpha) - 0.5 * _cholesky.DeterminantLn - 0.5 * _y.Length * Math.Log(2 * Math.PI);
        if (!double.IsFinite(_logMarginalLikelihood)) return false;
        _alpha = alpha;
        _alphaTheta = theta;
        return true;
    }

    // True when theta[from..] equals the remembered values (the hyper-parameters from index `from` on are unchanged).
    private static bool SameFrom(double[] theta, double[]? remembered, int from)
    {
        if (remembered is null) return false;
        for (var p = from; p < theta.Length; p++)
        {
            if (theta[p] != remembered[p]) return false;
        }
        return true;
    }

    private static Cholesky<double> FactoriseWithJitter(Matrix<double> matrix, out double jitter)
    {
        var n = matrix.RowCount;
        var meanDiagonal = matrix.Diagonal().Sum() / n;
        if (!double.IsFinite(meanDiagonal)) throw new InvalidOperationException("The covariance matrix is not finite.");
        jitter = 0;
        var added = 0.0;
        while (true)
        {
            try
            {
                var cholesky = matrix.Cholesky();
                if (double.IsFinite(cholesky.DeterminantLn)) return cholesky;
            }
            catch (ArgumentException)
            {
                // Not positive definite at this jitter; add more below.
            }
            var next = jitter == 0 ? FirstJitter * meanDiagonal : jitter * 10;
            if (next > LastJitter * meanDiagonal) throw new InvalidOperationException("The covariance matrix is not positive definite.");
            for (var i = 0; i < n; i++) matrix[i, i] += next - added;
            added = next;
            jitter = next;
        }
    }
}
