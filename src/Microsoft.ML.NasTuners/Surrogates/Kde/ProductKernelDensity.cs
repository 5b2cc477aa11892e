using System.Globalization;

namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>
/// A multivariate kernel density over a search space's model view, as BOHB fits one to its good and one to its bad
/// configurations (Falkner, Klein and Hutter, ICML 2018): the mean over the observed points of a product of
/// one-dimensional kernels. A numeric dimension is modelled on its [0,1] coordinate in warped space
/// (<see cref="Dimension.ToUnit"/>, so log-scaled numbers in log space and integers by their cells) with a Gaussian
/// kernel truncated to [0,1]; a categorical with the Aitchison-Aitken kernel on its choice index.
/// </summary>
/// <remarks>
/// <para>Bandwidths are one per dimension, from the points where the dimension is active (n_j of them) with
/// d = the number of dimensions: for a numeric dimension the normal reference rule 1.06 σ_j n_j^(-1/(4+d)) on the unit
/// coordinate, σ_j the sample standard deviation; for a categorical λ_j = G_j n_j^(-1/(4+d)), G_j = 1 - Σ_k p_k² the
/// spread of the observed choices (0 when all agree, (c-1)/c when uniform), capped at (c-1)/c. Both are at least the
/// minimum bandwidth.</para>
/// <para>Conditional spaces: a dimension is modelled only from the points where it was active. For a point x and an
/// observation i, a dimension active in x contributes observation i's kernel when active in i too, and otherwise the
/// dimension's own density from the observations where it was active (uniform when there are none); dimensions
/// inactive in x contribute nothing. This is the density of drawing x dimension after dimension in the model view's
/// order, so it still integrates to one over the space.</para>
/// </remarks>
public sealed class ProductKernelDensity
{
    /// <summary>The default smallest bandwidth, 1e-3 (as in BOHB).</summary>
    public const double DefaultMinBandwidth = 1e-3;

    private readonly ModelView _view;
    // _points[i][j]: unit coordinate (numeric), choice index (categorical) or NaN (inactive).
    private readonly double[][] _points;
    private readonly double[] _bandwidths;
    // _logNormaliser[i][j]: for a numeric dimension active in point i, -log(sqrt(2π) h_j m_ij), m_ij the truncated
    // kernel's mass; precomputed because the proposal loop evaluates kernels many thousand times.
    private readonly double[][] _logNormaliser;
    private readonly double[] _inverseBandwidths;
    // Categoricals: log(1 - λ_j) for the same choice, log(λ_j / (c - 1)) for another.
    private readonly double[] _logSame;
    private readonly double[] _logOther;
    // _activeIn[j]: the points where dimension j is active.
    private readonly int[][] _activeIn;

    private ProductKernelDensity(ModelView view, double[][] points, double[] bandwidths)
    {
        _view = view;
        _points = points;
        _bandwidths = bandwidths;
        var d = view.Count;
        _activeIn = Enumerable.Range(0, d).Select(j => Enumerable.Range(0, points.Length).Where(i => !double.IsNaN(points[i][j])).ToArray()).ToArray();
        _logNormaliser = points.Select(p => Enumerable.Range(0, d)
                .Select(j => view.Dimensions[j].IsNumeric && !double.IsNaN(p[j])
                    ? TruncatedGaussianKernel.LogDensity(p[j], p[j], bandwidths[j], TruncatedGaussianKernel.LogMass(p[j], bandwidths[j]))
                    : 0)
                .ToArray())
            .ToArray();
        _inverseBandwidths = bandwidths.Select(h => 1 / h).ToArray();
        _logSame = new double[d];
        _logOther = new double[d];
        for (var j = 0; j < d; j++)
        {
            var c = view.Dimensions[j].ChoiceCount;
            if (view.Dimensions[j].IsNumeric)
                continue;
            _logSame[j] = Math.Log(AitchisonAitkenKernel.Probability(0, 0, bandwidths[j], c));
            _logOther[j] = c <= 1 ? 0 : Math.Log(AitchisonAitkenKernel.Probability(1, 0, bandwidths[j], c));
        }
    }

    /// <summary>The number of observed points.</summary>
    public int Count => _points.Length;

    /// <summary>The bandwidth of each dimension: a standard deviation on the unit coordinate for numbers, λ for
    /// categoricals. A dimension active in no point has the largest bandwidth (1 for numbers, (c-1)/c for
    /// categoricals) and is modelled as uniform.</summary>
    public IReadOnlyList<double> Bandwidths => _bandwidths;

    /// <summary>Fits the density to <paramref name="points"/>.</summary>
    /// <param name="view">The model view the points belong to.</param>
    /// <param name="points">Points of the view (raw values as <see cref="ModelView.Encode"/> gives, NaN where
    /// inactive); none gives the uniform density.</param>
    /// <param name="minBandwidth">The smallest bandwidth, greater than 0. Default <see cref="DefaultMinBandwidth"/> (1e-3).</param>
    /// <exception cref="ArgumentException">A point has the wrong length or an active value that is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minBandwidth"/> is not in (0, 1].</exception>
    public static ProductKernelDensity Fit(ModelView view, IReadOnlyList<IReadOnlyList<double>> points, double minBandwidth = DefaultMinBandwidth)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(points);
        if (!(minBandwidth > 0 && minBandwidth <= 1))
            throw new ArgumentOutOfRangeException(nameof(minBandwidth), minBandwidth, "The minimum bandwidth must lie in (0, 1].");
        var d = view.Count;
        var units = points.Select((p, i) => ToInternal(view, p, $"{nameof(points)}[{i}]")).ToArray();
        var bandwidths = new double[d];
        for (var j = 0; j < d; j++)
        {
            var values = units.Select(u => u[j]).Where(v => !double.IsNaN(v)).ToArray();
            bandwidths[j] = Bandwidth(view.Dimensions[j], values, d, minBandwidth);
        }
        return new ProductKernelDensity(view, units, bandwidths);
    }

    /// <summary>The log density at a point of the view (raw values, NaN where inactive), with respect to the unit
    /// coordinates of numeric dimensions and counting measure on categoricals.</summary>
    /// <exception cref="ArgumentException">The point has the wrong length or an active value that is not finite.</exception>
    public double LogDensity(IReadOnlyList<double> point)
    {
        var x = ToInternal(_view, point, nameof(point));
        var d = x.Length;
        var active = Enumerable.Range(0, d).Where(j => !double.IsNaN(x[j])).ToArray();
        if (_points.Length == 0)
            return active.Sum(j => LogUniform(j));

        // A dimension's own density, used for observations where it was inactive.
        var fallback = new double[d];
        foreach (var j in active)
        {
            fallback[j] = _activeIn[j].Length == 0
                ? LogUniform(j)
                : LogMeanExp.Of(_activeIn[j].Select(i => LogKernel(j, x[j], i)).ToArray());
        }
        var terms = new double[_points.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            var sum = 0.0;
            foreach (var j in active)
                sum += double.IsNaN(_points[i][j]) ? fallback[j] : LogKernel(j, x[j], i);
            terms[i] = sum;
        }
        return LogMeanExp.Of(terms);
    }

    /// <summary>The density at a point: exp of <see cref="LogDensity"/>.</summary>
    public double Density(IReadOnlyList<double> point) => Math.Exp(LogDensity(point));

    /// <summary>
    /// A draw from the density with every bandwidth multiplied by <paramref name="bandwidthFactor"/> (categorical
    /// bandwidths capped at uniform): an observed point picked uniformly, then each active dimension drawn from its
    /// kernel around that point's value, or, where the point had it inactive, around the value of a point that had it
    /// active. Returns raw values (numbers snapped to their dimension), NaN where inactive; uniform when there is no
    /// point.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bandwidthFactor"/> is not a finite number greater
    /// than 0.</exception>
    public double[] Sample(Random random, double bandwidthFactor = 1)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!(bandwidthFactor > 0 && double.IsFinite(bandwidthFactor)))
            throw new ArgumentOutOfRangeException(nameof(bandwidthFactor), bandwidthFactor, "The bandwidth factor must be a finite number greater than 0.");
        if (_points.Length == 0)
            return _view.Sample(random);
        var origin = _points[random.Next(_points.Length)];
        var values = new double[_view.Count];
        for (var j = 0; j < values.Length; j++)
        {
            var dimension = _view.Dimensions[j];
            if (!_view.IsActive(j, values))
            {
                values[j] = double.NaN;
                continue;
            }
            var centre = !double.IsNaN(origin[j]) ? origin[j]
                : _activeIn[j].Length > 0 ? _points[_activeIn[j][random.Next(_activeIn[j].Length)]][j]
                : double.NaN;
            if (dimension.IsNumeric)
            {
                var unit = double.IsNaN(centre)
                    ? random.NextDouble()
                    : TruncatedGaussianKernel.Sample(random, centre, _bandwidths[j] * bandwidthFactor);
                values[j] = dimension.FromUnit(unit);
            }
            else
            {
                var c = dimension.ChoiceCount;
                values[j] = double.IsNaN(centre)
                    ? random.Next(c)
                    : AitchisonAitkenKernel.Sample(random, (int)centre, Math.Min(_bandwidths[j] * bandwidthFactor, AitchisonAitkenKernel.MaxBandwidth(c)), c);
            }
        }
        return values;
    }

    private double LogKernel(int j, double x, int i)
    {
        var centre = _points[i][j];
        if (_view.Dimensions[j].IsNumeric)
        {
            var z = (x - centre) * _inverseBandwidths[j];
            return _logNormaliser[i][j] - 0.5 * z * z;
        }
        return x == centre ? _logSame[j] : _logOther[j];
    }

    private double LogUniform(int j) => _view.Dimensions[j].IsNumeric ? 0 : -Math.Log(Math.Max(1, _view.Dimensions[j].ChoiceCount));

    private static double Bandwidth(Dimension dimension, double[] values, int d, double minBandwidth)
    {
        var n = values.Length;
        if (!dimension.IsNumeric)
        {
            var max = AitchisonAitkenKernel.MaxBandwidth(dimension.ChoiceCount);
            if (n == 0 || max == 0)
                return max;
            var spread = 1 - values.GroupBy(v => v).Sum(g => Math.Pow((double)g.Count() / n, 2));
            return Math.Min(max, Math.Max(minBandwidth, spread * Math.Pow(n, -1.0 / (4 + d))));
        }
        if (n == 0)
            return 1;
        var sd = 0.0;
        if (n > 1)
        {
            var mean = values.Average();
            sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        }
        return Math.Max(minBandwidth, 1.06 * sd * Math.Pow(n, -1.0 / (4 + d)));
    }

    private static double[] ToInternal(ModelView view, IReadOnlyList<double> point, string name)
    {
        ArgumentNullException.ThrowIfNull(point, name);
        if (point.Count != view.Count)
            throw new ArgumentException($"{name} has {point.Count} values; the model view has {view.Count} dimensions.", name);
        var result = new double[point.Count];
        for (var j = 0; j < result.Length; j++)
        {
            var value = point[j];
            var dimension = view.Dimensions[j];
            if (double.IsNaN(value))
            {
                result[j] = double.NaN;
                continue;
            }
            if (!double.IsFinite(value))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name}: dimension '{dimension.Name}' is {value}."), name);
            result[j] = dimension.IsNumeric ? dimension.ToUnit(value) : Math.Clamp(Math.Round(value), 0, Math.Max(0, dimension.ChoiceCount - 1));
        }
        return result;
    }
}
