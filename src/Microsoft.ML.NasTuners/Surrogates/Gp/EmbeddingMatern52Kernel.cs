using MathNet.Numerics.LinearAlgebra;

namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// A Matérn-5/2 kernel over sparse named-feature embeddings of architectures (WL label counts, path encodings,
/// <see cref="Architectures.IArchitectureEmbedding"/>): k(x, y) = a (1 + s + s²/3) e^(−s), s = √5 r / ℓ, where r is the
/// Euclidean distance between x/‖x‖ and y/‖y‖. An architecture with no features is the zero vector.
/// </summary>
/// <remarks>
/// <para>Isotropic rather than ARD: which features occur is only known once architectures are seen, and a length scale
/// per feature would outnumber the observations. Normalising makes one length-scale prior fit embeddings of any size
/// (r lies in [0, 2] for non-negative features) and compares architectures by the mix of their sub-structures rather
/// than by how big they are.</para>
/// <para>Hyper-parameters, log-scaled: the amplitude a (LogNormal(median 1, σ 1) on [0.01, 100]) and the length scale ℓ
/// (LogNormal(median 0.5, σ 1) on [0.01, 20]).</para>
/// </remarks>
public sealed class EmbeddingMatern52Kernel : IKernel<IReadOnlyDictionary<string, double>>
{
    private static readonly double Sqrt5 = Math.Sqrt(5);
    private readonly Hyperparameter[] _hyperparameters;

    /// <summary>Creates the kernel with amplitude 1 and length scale 0.5.</summary>
    public EmbeddingMatern52Kernel()
        : this(new Hyperparameter("amplitude", 1, 0.01, 100, new LogNormalPrior(1, 1)),
            new Hyperparameter("lengthscale", 0.5, 0.01, 20, new LogNormalPrior(0.5, 1)))
    {
    }

    /// <summary>Creates the kernel from explicit hyper-parameters (log-scaled).</summary>
    /// <param name="amplitude">The amplitude a.</param>
    /// <param name="lengthScale">The length scale ℓ.</param>
    public EmbeddingMatern52Kernel(Hyperparameter amplitude, Hyperparameter lengthScale)
    {
        ArgumentNullException.ThrowIfNull(amplitude);
        ArgumentNullException.ThrowIfNull(lengthScale);
        if (!amplitude.LogScale || !lengthScale.LogScale)
            throw new ArgumentException("The amplitude and the length scale must be log-scaled (positive).", nameof(lengthScale));
        _hyperparameters = [amplitude, lengthScale];
    }

    /// <inheritdoc />
    public IReadOnlyList<Hyperparameter> Hyperparameters => _hyperparameters;

    /// <summary>The amplitude a.</summary>
    public Hyperparameter Amplitude => _hyperparameters[0];

    /// <summary>The length scale ℓ, in units of the distance between normalised embeddings.</summary>
    public Hyperparameter LengthScale => _hyperparameters[1];

    /// <inheritdoc />
    public Matrix<double> Covariance(IReadOnlyList<IReadOnlyDictionary<string, double>> x) => CrossCovariance(x, x);

    /// <inheritdoc />
    public Matrix<double> CrossCovariance(IReadOnlyList<IReadOnlyDictionary<string, double>> a, IReadOnlyList<IReadOnlyDictionary<string, double>> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var na = a.Select(Norm).ToArray();
        var nb = ReferenceEquals(a, b) ? na : b.Select(Norm).ToArray();
        var amplitude = Amplitude.Value;
        var scale = Sqrt5 / LengthScale.Value;
        var storage = new double[a.Count * b.Count];
        for (var j = 0; j < b.Count; j++)
        {
            for (var i = 0; i < a.Count; i++)
            {
                var s = scale * Distance(a[i], na[i], b[j], nb[j]);
                storage[j * a.Count + i] = amplitude * (1 + s + s * s / 3) * Math.Exp(-s);
            }
        }
        return Matrix<double>.Build.Dense(a.Count, b.Count, storage);
    }

    /// <inheritdoc />
    public double Variance(IReadOnlyDictionary<string, double> x) => Amplitude.Value;

    /// <inheritdoc />
    public void CovarianceGradient(IReadOnlyList<IReadOnlyDictionary<string, double>> x, Matrix<double> weights, Span<double> gradient)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weights);
        var n = x.Count;
        var norms = x.Select(Norm).ToArray();
        var w = weights.AsColumnMajorArray() ?? weights.ToColumnMajorArray();
        var amplitude = Amplitude.Value;
        var scale = Sqrt5 / LengthScale.Value;
        double amplitudeSum = 0, lengthScaleSum = 0;
        for (var j = 0; j < n; j++)
        {
            for (var i = j; i < n; i++)
            {
                var wij = i == j ? w[j * n + j] : w[j * n + i] + w[i * n + j];
                if (wij == 0) continue;
                var s = scale * Distance(x[i], norms[i], x[j], norms[j]);
                var decay = Math.Exp(-s);
                amplitudeSum += wij * amplitude * (1 + s + s * s / 3) * decay;
                // ds/d log ℓ = −s and dk/ds = −a s (1 + s) e^(−s) / 3.
                lengthScaleSum += wij * amplitude * s * s * (1 + s) * decay / 3;
            }
        }
        gradient[0] = amplitudeSum;
        gradient[1] = lengthScaleSum;
    }

    /// <inheritdoc />
    public IKernel<IReadOnlyDictionary<string, double>> Clone() => new EmbeddingMatern52Kernel(Amplitude.Clone(), LengthScale.Clone());

    /// <inheritdoc />
    public override string ToString() => $"EmbeddingMatern52Kernel({Amplitude}, {LengthScale})";

    private static double Norm(IReadOnlyDictionary<string, double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double sum = 0;
        foreach (var v in x.Values) sum += v * v;
        return Math.Sqrt(sum);
    }

    // The distance between x/‖x‖ and y/‖y‖ (a zero embedding stays zero): √(|x̂|² + |ŷ|² − 2 x̂·ŷ).
    private static double Distance(IReadOnlyDictionary<string, double> x, double normX, IReadOnlyDictionary<string, double> y, double normY)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (normX == 0 || normY == 0) return normX == 0 && normY == 0 ? 0 : 1;
        var (small, large) = x.Count <= y.Count ? (x, y) : (y, x);
        double dot = 0;
        foreach (var (name, value) in small)
        {
            if (large.TryGetValue(name, out var other)) dot += value * other;
        }
        var cosine = Math.Clamp(dot / (normX * normY), -1, 1);
        return Math.Sqrt(Math.Max(2 - 2 * cosine, 0));
    }
}
