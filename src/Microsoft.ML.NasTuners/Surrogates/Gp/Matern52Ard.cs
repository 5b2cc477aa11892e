using MathNet.Numerics.LinearAlgebra;

namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// The Matérn-5/2 kernel with one length-scale per dimension (automatic relevance determination):
/// k(x, y) = a (1 + √5 r + 5r²/3) exp(-√5 r), with r² = Σ ((x_c - y_c) / ℓ_c)². Twice differentiable, so
/// less smooth than the squared exponential and closer to real objectives (Snoek et al. 2012).
/// Hyper-parameters: the amplitude a (a variance), then ℓ_0 … ℓ_{d-1}. Choice columns (the choice of a wide
/// categorical, see <see cref="ModelViewEncoding.IsChoiceColumn"/>) enter r² by equality only: 0 when the two
/// values are equal, 1/ℓ_c² when they differ, so one length-scale sets how alike two different choices are.
/// </summary>
public sealed class Matern52Ard : IDifferentiableKernel
{
    private static readonly double Sqrt5 = Math.Sqrt(5);
    private readonly Hyperparameter[] _hyperparameters;
    // Null when no column is a choice column: the common case keeps the plain difference.
    private readonly bool[]? _choiceColumn;

    /// <summary>Creates the kernel for inputs in the unit cube with the default hyper-parameters: amplitude 1 with
    /// prior LogNormal(median 1, σ 1) on [0.01, 100]; length-scales 0.5 on [<paramref name="minLengthScale"/>,
    /// <paramref name="maxLengthScale"/>] with prior <paramref name="lengthScalePrior"/>.</summary>
    /// <param name="dimension">The number of input coordinates; positive.</param>
    /// <param name="lengthScalePrior">The prior of every length-scale; default LogNormal(median 0.5, σ 1).</param>
    /// <param name="minLengthScale">The smallest length-scale; default 0.01.</param>
    /// <param name="maxLengthScale">The largest length-scale; default 2 (twice the unit cube: an irrelevant dimension
    /// is already nearly flat there, and larger values only let the model ignore a dimension it knows little about).</param>
    /// <param name="choiceColumns">The columns compared for equality only; none by default.</param>
    public Matern52Ard(int dimension, IPrior? lengthScalePrior = null, double minLengthScale = 0.01, double maxLengthScale = 2,
        IReadOnlyList<int>? choiceColumns = null)
        : this(
            new Hyperparameter("amplitude", 1, 0.01, 100, new LogNormalPrior(1, 1)),
            Enumerable.Range(0, dimension > 0 ? dimension : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "The dimension must be positive."))
                .Select(c => new Hyperparameter($"lengthscale[{c}]", Math.Clamp(0.5, minLengthScale, maxLengthScale), minLengthScale, maxLengthScale,
                    lengthScalePrior ?? new LogNormalPrior(0.5, 1)))
                .ToArray(),
            choiceColumns)
    {
    }

    /// <summary>Creates the kernel from explicit hyper-parameters (log-scaled, positive).</summary>
    /// <param name="amplitude">The amplitude (a variance).</param>
    /// <param name="lengthScales">One length-scale per input coordinate.</param>
    /// <param name="choiceColumns">The columns compared for equality only; none by default.</param>
    public Matern52Ard(Hyperparameter amplitude, IReadOnlyList<Hyperparameter> lengthScales, IReadOnlyList<int>? choiceColumns = null)
    {
        ArgumentNullException.ThrowIfNull(amplitude);
        ArgumentNullException.ThrowIfNull(lengthScales);
        if (lengthScales.Count == 0) throw new ArgumentException("The kernel needs at least one length-scale.", nameof(lengthScales));
        if (!amplitude.LogScale || lengthScales.Any(l => !l.LogScale))
            throw new ArgumentException("The amplitude and the length-scales must be log-scaled (positive).", nameof(lengthScales));
        _hyperparameters = [amplitude, .. lengthScales];
        Dimension = lengthScales.Count;
        if (choiceColumns is { Count: > 0 })
        {
            _choiceColumn = new bool[Dimension];
            foreach (var c in choiceColumns)
            {
                if (c < 0 || c >= Dimension) throw new ArgumentOutOfRangeException(nameof(choiceColumns), c, $"A choice column must lie in [0, {Dimension}).");
                _choiceColumn[c] = true;
            }
        }
    }

    /// <summary>True when column <paramref name="c"/> is compared for equality only.</summary>
    public bool IsChoiceColumn(int c) => _choiceColumn is { } m && m[c];

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public IReadOnlyList<Hyperparameter> Hyperparameters => _hyperparameters;

    /// <summary>The amplitude (the variance k(x, x)).</summary>
    public Hyperparameter Amplitude => _hyperparameters[0];

    /// <summary>The length-scale of coordinate <paramref name="c"/>.</summary>
    public Hyperparameter LengthScale(int c) => _hyperparameters[1 + c];

    /// <inheritdoc />
    public Matrix<double> Covariance(IReadOnlyList<double[]> x)
    {
        var n = x.Count;
        var inv = InverseSquaredLengthScales();
        var a = Amplitude.Value;
        var storage = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            CheckInput(x[j]);
            storage[j * n + j] = a;
            for (var i = j + 1; i < n; i++)
            {
                var k = a * Shape(Math.Sqrt(SquaredDistance(x[i], x[j], inv)));
                storage[j * n + i] = k;
                storage[i * n + j] = k;
            }
        }
        return Matrix<double>.Build.Dense(n, n, storage);
    }

    /// <inheritdoc />
    public Matrix<double> CrossCovariance(IReadOnlyList<double[]> a, IReadOnlyList<double[]> b)
    {
        var inv = InverseSquaredLengthScales();
        var amp = Amplitude.Value;
        var storage = new double[a.Count * b.Count];
        foreach (var p in a) CheckInput(p);
        for (var j = 0; j < b.Count; j++)
        {
            var bj = CheckInput(b[j]);
            for (var i = 0; i < a.Count; i++)
                storage[j * a.Count + i] = amp * Shape(Math.Sqrt(SquaredDistance(a[i], bj, inv)));
        }
        return Matrix<double>.Build.Dense(a.Count, b.Count, storage);
    }

    /// <inheritdoc />
    public double Variance(double[] x) => Amplitude.Value;

    /// <inheritdoc />
    public double VarianceWithGradient(double[] x, Span<double> gradient)
    {
        gradient[..Dimension].Clear();
        return Amplitude.Value;
    }

    /// <inheritdoc />
    public void CrossCovarianceWithGradient(double[] x, IReadOnlyList<double[]> data, Span<double> values, Span<double> gradients)
    {
        CheckInput(x);
        var inv = InverseSquaredLengthScales();
        var a = Amplitude.Value;
        var d = Dimension;
        for (var i = 0; i < data.Count; i++)
        {
            var xi = data[i];
            var r = Math.Sqrt(SquaredDistance(x, xi, inv));
            var e = Math.Exp(-Sqrt5 * r);
            values[i] = a * (1 + Sqrt5 * r + 5.0 / 3 * r * r) * e;
            // dk/dx_c = -a (5/3) (1 + √5 r) e^{-√5 r} (x_c - y_c) / ℓ_c²; the 1/r of dr/dx cancels, so r = 0 is safe.
            var factor = -a * 5.0 / 3 * (1 + Sqrt5 * r) * e;
            var row = gradients.Slice(i * d, d);
            for (var c = 0; c < d; c++)
                row[c] = IsChoiceColumn(c) ? 0 : factor * (x[c] - xi[c]) * inv[c];
        }
    }

    /// <inheritdoc />
    public void CovarianceGradient(IReadOnlyList<double[]> x, Matrix<double> weights, Span<double> gradient)
    {
        var n = x.Count;
        var d = Dimension;
        var inv = InverseSquaredLengthScales();
        var a = Amplitude.Value;
        var w = weights.AsColumnMajorArray() ?? weights.ToColumnMajorArray();
        double amplitudeSum = 0;
        var lengthSums = new double[d];
        for (var j = 0; j < n; j++)
        {
            amplitudeSum += w[j * n + j] * a;
            var xj = x[j];
            for (var i = j + 1; i < n; i++)
            {
                // weights are symmetric: each off-diagonal pair counts twice.
                var wij = w[j * n + i] + w[i * n + j];
                if (wij == 0) continue;
                var xi = x[i];
                var r = Math.Sqrt(SquaredDistance(xi, xj, inv));
                var e = Math.Exp(-Sqrt5 * r);
                amplitudeSum += wij * a * (1 + Sqrt5 * r + 5.0 / 3 * r * r) * e;
                // dk/dlog ℓ_c = a (5/3) (1 + √5 r) e^{-√5 r} (x_c - y_c)² / ℓ_c².
                var factor = wij * a * 5.0 / 3 * (1 + Sqrt5 * r) * e;
                for (var c = 0; c < d; c++)
                {
                    var diff = Difference(xi, xj, c);
                    lengthSums[c] += factor * diff * diff * inv[c];
                }
            }
        }
        gradient[0] = amplitudeSum;
        for (var c = 0; c < d; c++) gradient[1 + c] = lengthSums[c];
    }

    /// <inheritdoc />
    public void WeightedInputGradients(IReadOnlyList<double[]> x, Matrix<double> weights, Span<double> result)
    {
        var n = x.Count;
        var d = Dimension;
        var inv = InverseSquaredLengthScales();
        var a = Amplitude.Value;
        var w = weights.AsColumnMajorArray() ?? weights.ToColumnMajorArray();
        result[..(n * d)].Clear();
        for (var j = 0; j < n; j++)
        {
            var xj = x[j];
            for (var i = j + 1; i < n; i++)
            {
                var xi = x[i];
                var r = Math.Sqrt(SquaredDistance(xi, xj, inv));
                var factor = -a * 5.0 / 3 * (1 + Sqrt5 * r) * Math.Exp(-Sqrt5 * r);
                var wij = w[j * n + i];
                var wji = w[i * n + j];
                for (var c = 0; c < d; c++)
                {
                    // A choice column's value moves the kernel only by jumps: no gradient.
                    if (IsChoiceColumn(c)) continue;
                    // d k(x_i, x_j)/d x_i = factor (x_i - x_j)/ℓ², and the mirror term for x_j has the opposite sign.
                    var g = factor * (xi[c] - xj[c]) * inv[c];
                    result[i * d + c] += wij * g;
                    result[j * d + c] -= wji * g;
                }
            }
        }
    }

    /// <inheritdoc />
    public IKernel<double[]> Clone() => new Matern52Ard(Amplitude.Clone(), _hyperparameters.Skip(1).Select(h => h.Clone()).ToArray(),
        _choiceColumn is null ? null : Enumerable.Range(0, Dimension).Where(IsChoiceColumn).ToArray());

    /// <inheritdoc />
    public override string ToString() => $"Matern52Ard({string.Join(", ", _hyperparameters.Select(h => h.ToString()))})";

    private static double Shape(double r) => (1 + Sqrt5 * r + 5.0 / 3 * r * r) * Math.Exp(-Sqrt5 * r);

    private double[] InverseSquaredLengthScales()
    {
        var inv = new double[Dimension];
        for (var c = 0; c < Dimension; c++)
        {
            var l = _hyperparameters[1 + c].Value;
            inv[c] = 1 / (l * l);
        }
        return inv;
    }

    private double SquaredDistance(double[] x, double[] y, double[] inv)
    {
        double sum = 0;
        for (var c = 0; c < inv.Length; c++)
        {
            var diff = Difference(x, y, c);
            sum += diff * diff * inv[c];
        }
        return sum;
    }

    // x_c - y_c, or for a choice column 0 when the choices are equal and 1 when they differ.
    private double Difference(double[] x, double[] y, int c) =>
        _choiceColumn is { } m && m[c] ? (x[c] == y[c] ? 0 : 1) : x[c] - y[c];

    private double[] CheckInput(double[] x)
    {
        if (x is null) throw new ArgumentNullException(nameof(x));
        if (x.Length != Dimension) throw new ArgumentException($"The kernel takes inputs of {Dimension} coordinates, got {x.Length}.", nameof(x));
        return x;
    }
}
