using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.ML.NasTuners.Architectures;

namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// The Weisfeiler-Lehman graph kernel (Shervashidze et al. 2011) as NAS-BOWL uses it (Ru et al. 2021): the normalised
/// dot product of the WL label counts of two labelled DAGs, k(x, y) = a · D(x, y) / √(D(x, x) D(y, y)) with
/// D(x, y) = Σ_h w_h ⟨φ_h(x), φ_h(y)⟩, φ_h the counts of the labels of refinement iteration h
/// (<see cref="WeisfeilerLehmanFeatures"/>). With equal weights this is the plain normalised WL kernel; fitted weights
/// let the marginal likelihood decide how much larger sub-structures matter (a soft choice of h).
/// </summary>
/// <remarks>Hyper-parameters, log-scaled: the amplitude a (LogNormal(median 1, σ 1) on [0.01, 100]) and the
/// iteration weights w_0 … w_h (LogNormal(median 1, σ 1) on [1e-3, 1e3]; only their ratios matter). Features are
/// computed once per graph instance and cached, so keep the graph objects of observed points.</remarks>
public sealed class WeisfeilerLehmanKernel : IKernel<ArchitectureGraph>
{
    private readonly Hyperparameter[] _hyperparameters;
    private readonly ConditionalWeakTable<ArchitectureGraph, WeisfeilerLehmanFeatureVector> _cache;

    /// <summary>Creates the kernel with amplitude 1 and equal weights.</summary>
    /// <param name="iterations">The WL refinements h; default 2. In [0, 10].</param>
    public WeisfeilerLehmanKernel(int iterations = 2)
        : this(new WeisfeilerLehmanFeatures(iterations),
            new Hyperparameter("amplitude", 1, 0.01, 100, new LogNormalPrior(1, 1)),
            Enumerable.Range(0, iterations + 1).Select(h => new Hyperparameter($"weight[h{h}]", 1, 1e-3, 1e3, new LogNormalPrior(1, 1))).ToArray())
    {
    }

    /// <summary>Creates the kernel from an extractor and explicit hyper-parameters (log-scaled).</summary>
    /// <param name="features">The WL feature extractor.</param>
    /// <param name="amplitude">The amplitude a.</param>
    /// <param name="iterationWeights">One weight per iteration 0 … h of <paramref name="features"/>.</param>
    public WeisfeilerLehmanKernel(WeisfeilerLehmanFeatures features, Hyperparameter amplitude, IReadOnlyList<Hyperparameter> iterationWeights)
        : this(features, amplitude, iterationWeights, new ConditionalWeakTable<ArchitectureGraph, WeisfeilerLehmanFeatureVector>())
    {
    }

    private WeisfeilerLehmanKernel(WeisfeilerLehmanFeatures features, Hyperparameter amplitude, IReadOnlyList<Hyperparameter> iterationWeights,
        ConditionalWeakTable<ArchitectureGraph, WeisfeilerLehmanFeatureVector> cache)
    {
        Features = features ?? throw new ArgumentNullException(nameof(features));
        ArgumentNullException.ThrowIfNull(amplitude);
        ArgumentNullException.ThrowIfNull(iterationWeights);
        if (iterationWeights.Count != features.Iterations + 1)
            throw new ArgumentException($"Expected {features.Iterations + 1} iteration weights (h = {features.Iterations}), got {iterationWeights.Count}.", nameof(iterationWeights));
        Hyperparameter[] all = [amplitude, .. iterationWeights];
        if (all.Any(h => !h.LogScale)) throw new ArgumentException("The amplitude and weights must be log-scaled (positive).", nameof(iterationWeights));
        _hyperparameters = all;
        _cache = cache;
    }

    /// <summary>The feature extractor.</summary>
    public WeisfeilerLehmanFeatures Features { get; }

    /// <inheritdoc />
    public IReadOnlyList<Hyperparameter> Hyperparameters => _hyperparameters;

    /// <summary>The amplitude a.</summary>
    public Hyperparameter Amplitude => _hyperparameters[0];

    /// <summary>The weight of the labels of iteration <paramref name="h"/>.</summary>
    public Hyperparameter IterationWeight(int h) => _hyperparameters[1 + h];

    private int IterationCount => _hyperparameters.Length - 1;

    /// <inheritdoc />
    public Matrix<double> Covariance(IReadOnlyList<ArchitectureGraph> x) => CrossCovariance(x, x);

    /// <inheritdoc />
    public Matrix<double> CrossCovariance(IReadOnlyList<ArchitectureGraph> a, IReadOnlyList<ArchitectureGraph> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var fa = a.Select(FeaturesOf).ToArray();
        var fb = ReferenceEquals(a, b) ? fa : b.Select(FeaturesOf).ToArray();
        var weights = Weights();
        var normsA = fa.Select(f => WeightedSquaredNorm(f, weights)).ToArray();
        var normsB = ReferenceEquals(a, b) ? normsA : fb.Select(f => WeightedSquaredNorm(f, weights)).ToArray();
        var amplitude = Amplitude.Value;
        var dots = new double[IterationCount];
        var storage = new double[a.Count * b.Count];
        for (var j = 0; j < b.Count; j++)
        {
            for (var i = 0; i < a.Count; i++)
            {
                var norm = Math.Sqrt(normsA[i] * normsB[j]);
                if (norm == 0) continue;
                Array.Clear(dots);
                fa[i].AddDotProducts(fb[j], dots);
                storage[j * a.Count + i] = amplitude * Weighted(dots, weights) / norm;
            }
        }
        return Matrix<double>.Build.Dense(a.Count, b.Count, storage);
    }

    /// <inheritdoc />
    public double Variance(ArchitectureGraph x) => WeightedSquaredNorm(FeaturesOf(x), Weights()) > 0 ? Amplitude.Value : 0;

    /// <inheritdoc />
    public void CovarianceGradient(IReadOnlyList<ArchitectureGraph> x, Matrix<double> weights, Span<double> gradient)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weights);
        var n = x.Count;
        var iterations = IterationCount;
        var f = x.Select(FeaturesOf).ToArray();
        var iterationWeights = Weights();
        var norms = f.Select(v => WeightedSquaredNorm(v, iterationWeights)).ToArray();
        var w = weights.AsColumnMajorArray() ?? weights.ToColumnMajorArray();
        var a = Amplitude.Value;
        var dots = new double[iterations];
        double amplitudeSum = 0;
        var weightSums = new double[iterations];
        for (var j = 0; j < n; j++)
        {
            for (var i = j; i < n; i++)
            {
                var wij = i == j ? w[j * n + j] : w[j * n + i] + w[i * n + j];
                var norm = Math.Sqrt(norms[i] * norms[j]);
                if (wij == 0 || norm == 0) continue;
                Array.Clear(dots);
                f[i].AddDotProducts(f[j], dots);
                var kHat = Weighted(dots, iterationWeights) / norm;
                amplitudeSum += wij * a * kHat;
                // k̂ = D_xy / √(D_xx D_yy); dD/d log w_h = w_h ⟨φ_h, φ_h'⟩.
                for (var h = 0; h < iterations; h++)
                {
                    var wh = iterationWeights[h];
                    var derivative = wh * dots[h] / norm
                        - 0.5 * kHat * (wh * f[i].SquaredNorms[h] / norms[i] + wh * f[j].SquaredNorms[h] / norms[j]);
                    weightSums[h] += wij * a * derivative;
                }
            }
        }
        gradient[0] = amplitudeSum;
        for (var h = 0; h < iterations; h++) gradient[1 + h] = weightSums[h];
    }

    /// <inheritdoc />
    public IKernel<ArchitectureGraph> Clone() =>
        new WeisfeilerLehmanKernel(Features, Amplitude.Clone(), _hyperparameters.Skip(1).Select(h => h.Clone()).ToArray(), _cache);

    /// <inheritdoc />
    public override string ToString() => $"WeisfeilerLehmanKernel(h={Features.Iterations}, {string.Join(", ", _hyperparameters.Select(h => h.ToString()))})";

    private WeisfeilerLehmanFeatureVector FeaturesOf(ArchitectureGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return _cache.GetValue(graph, Features.Extract);
    }

    private double[] Weights() => _hyperparameters.Skip(1).Select(h => h.Value).ToArray();

    private static double Weighted(double[] dots, double[] weights)
    {
        double sum = 0;
        for (var h = 0; h < dots.Length; h++) sum += weights[h] * dots[h];
        return sum;
    }

    private static double WeightedSquaredNorm(WeisfeilerLehmanFeatureVector f, double[] weights)
    {
        double sum = 0;
        for (var h = 0; h < weights.Length; h++) sum += weights[h] * f.SquaredNorms[h];
        return sum;
    }
}
