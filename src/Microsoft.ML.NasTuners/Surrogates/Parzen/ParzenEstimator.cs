
namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>
/// A Parzen estimator (kernel density) over one or more dimensions of a <see cref="ModelView"/>: a weighted mixture
/// with one component per observation plus a prior component. Each component is a product of one kernel per
/// dimension:
/// <list type="bullet">
/// <item>continuous: a Gaussian in warped space (log space for log-scaled dimensions, see <see cref="Dimension.Warp"/>)
/// truncated to the range, so no mass lies outside it;</item>
/// <item>integer: the same Gaussian over the integers' cells [k - 1/2, k + 1/2], each integer getting the kernel's
/// mass over its cell;</item>
/// <item>categorical: mass on the observed choice, smoothed towards uniform by the prior weight.</item>
/// </list>
/// The prior component is centred in the warped range with a standard deviation equal to the range's width (uniform
/// for categoricals). Densities are over raw values: per unit of the value for continuous dimensions (including the
/// log transform's Jacobian), per value for integers and categoricals. A one-dimensional estimator with
/// <see cref="ParzenBandwidthRule.NeighbourGaps"/> is the univariate estimator of Bergstra et al. (2011); several
/// dimensions give a multivariate one whose components share each observation (Falkner et al. 2018).
/// </summary>
public sealed class ParzenEstimator
{
    private readonly Dimension[] _dimensions;
    private readonly ParzenKernels[] _kernels;
    private readonly double[] _logWeights;
    private readonly double[] _cumulativeWeights;

    private ParzenEstimator(Dimension[] dimensions, ParzenKernels[] kernels, double[] logWeights, double[] cumulativeWeights)
    {
        _dimensions = dimensions;
        _kernels = kernels;
        _logWeights = logWeights;
        _cumulativeWeights = cumulativeWeights;
    }

    /// <summary>The dimensions, in the order of a point's values.</summary>
    public IReadOnlyList<Dimension> Dimensions => _dimensions;

    /// <summary>The number of observations (components other than the prior).</summary>
    public int ObservationCount => _logWeights.Length - 1;

    /// <summary>The mixture weight of each component (observations in the given order, the prior last); they sum to one.</summary>
    public IReadOnlyList<double> ComponentWeights => _logWeights.Select(Math.Exp).ToArray();

    /// <summary>Fits an estimator over one dimension.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <param name="observations">Raw values (choice indices for a categorical); snapped to the dimension.</param>
    /// <param name="weights">One non-negative weight per observation; empty means all 1.</param>
    /// <param name="options">Prior weight and bandwidth rule; null means the defaults.</param>
    public static ParzenEstimator Fit(Dimension dimension, ReadOnlySpan<double> observations, ReadOnlySpan<double> weights = default,
        ParzenEstimatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        return Fit([dimension], observations, weights, options);
    }

    /// <summary>Fits an estimator over several dimensions.</summary>
    /// <param name="dimensions">The dimensions (at least one).</param>
    /// <param name="observations">Observations in rows of <c>dimensions.Count</c> raw values (choice indices for
    /// categoricals), row after row; each value is snapped to its dimension and must be finite.</param>
    /// <param name="weights">One non-negative, finite weight per observation; empty means all 1.</param>
    /// <param name="options">Prior weight and bandwidth rule; null means the defaults.</param>
    public static ParzenEstimator Fit(IReadOnlyList<Dimension> dimensions, ReadOnlySpan<double> observations, ReadOnlySpan<double> weights = default,
        ParzenEstimatorOptions? options = null) => Fit(dimensions, observations, weights, options, provisional: default);

    /// <summary>Fits an estimator over several dimensions, some of whose observations are provisional: points whose
    /// outcome is not known yet (a tuner's pending trials). A provisional observation is a component of the mixture
    /// like any other (with its weight, and counted among the kernels by the magic clip), but under
    /// <see cref="ParzenBandwidthRule.NeighbourGaps"/> it is nobody's neighbour: the bandwidths of the other
    /// observations are those they would have without it, and its own is the larger of its gaps to the nearest
    /// non-provisional centres. So a tuner's own proposals, which it drew from a density, never sharpen that
    /// density's kernels around themselves.</summary>
    /// <param name="dimensions">The dimensions.</param>
    /// <param name="observations">Observations in rows (see the public overload).</param>
    /// <param name="weights">One non-negative, finite weight per observation; empty means all 1.</param>
    /// <param name="options">Prior weight and bandwidth rule; null means the defaults.</param>
    /// <param name="provisional">One flag per observation; empty means none is provisional.</param>
    internal static ParzenEstimator Fit(IReadOnlyList<Dimension> dimensions, ReadOnlySpan<double> observations, ReadOnlySpan<double> weights,
        ParzenEstimatorOptions? options, ReadOnlySpan<bool> provisional)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        options ??= new ParzenEstimatorOptions();
        options.Validate();
        var d = dimensions.Count;
        if (d == 0) throw new ArgumentException("An estimator needs at least one dimension.", nameof(dimensions));
        if (observations.Length % d != 0)
            throw new ArgumentException($"Observations come in rows of {d} values; got {observations.Length} values.", nameof(observations));
        var n = observations.Length / d;
        if (!weights.IsEmpty && weights.Length != n)
            throw new ArgumentException($"Expected one weight per observation ({n}), got {weights.Length}.", nameof(weights));
        if (!provisional.IsEmpty && provisional.Length != n)
            throw new ArgumentException($"Expected one provisional flag per observation ({n}), got {provisional.Length}.", nameof(provisional));
        var provisionalFlags = provisional.IsEmpty || !provisional.Contains(true) ? null : provisional.ToArray();

        var logWeights = new double[n + 1];
        var cumulative = new double[n + 1];
        var total = options.PriorWeight;
        for (var k = 0; k < n; k++)
        {
            var w = weights.IsEmpty ? 1.0 : weights[k];
            if (!(w >= 0) || !double.IsFinite(w))
                throw new ArgumentOutOfRangeException(nameof(weights), w, $"Weight {k} must be a non-negative, finite number.");
            total += w;
        }
        var running = 0.0;
        for (var k = 0; k <= n; k++)
        {
            var w = k == n ? options.PriorWeight : weights.IsEmpty ? 1.0 : weights[k];
            logWeights[k] = Math.Log(w / total);
            running += w / total;
            cumulative[k] = running;
        }

        var dims = dimensions.ToArray();
        var kernels = new ParzenKernels[d];
        var column = new double[n];
        for (var j = 0; j < d; j++)
        {
            var dimension = dims[j] ?? throw new ArgumentException($"Dimension {j} is null.", nameof(dimensions));
            for (var k = 0; k < n; k++)
            {
                var value = observations[k * d + j];
                if (!double.IsFinite(value))
                    throw new ArgumentException($"Observation {k} of '{dimension.Name}' is {value}; observations must be finite.", nameof(observations));
                column[k] = dimension.Snap(value);
            }
            kernels[j] = dimension.Kind == DimensionKind.Categorical
                ? new CategoricalParzenKernels(dimension, column, options.PriorWeight)
                : NumericKernels(dimension, column, d, options, provisionalFlags);
        }
        return new ParzenEstimator(dims, kernels, logWeights, cumulative);
    }

    private static NumericParzenKernels NumericKernels(Dimension dimension, double[] column, int estimatorDimensions, ParzenEstimatorOptions options,
        bool[]? provisional)
    {
        var n = column.Length;
        var lower = dimension.WarpedLower;
        var upper = dimension.WarpedUpper;
        var mu = new double[n + 1];
        for (var k = 0; k < n; k++)
            mu[k] = dimension.Warp(column[k]);
        mu[n] = 0.5 * (lower + upper);
        var sigma = new double[n + 1];
        if (upper > lower)
            ParzenBandwidths.Compute(mu, lower, upper, estimatorDimensions, options, sigma, provisional);
        return new NumericParzenKernels(dimension, mu, sigma);
    }

    /// <summary>The log density (continuous dimensions) or log probability (integers, categoricals) at a point of raw
    /// values, one per dimension; negative infinity outside the dimensions' ranges.</summary>
    public double LogDensity(ReadOnlySpan<double> point)
    {
        var result = 0.0;
        LogDensities(point, new Span<double>(ref result));
        return result;
    }

    /// <summary>The log densities of several points at once (faster than one at a time).</summary>
    /// <param name="points">Points in rows of <see cref="Dimensions"/>.Count raw values.</param>
    /// <param name="destination">One log density per point.</param>
    public void LogDensities(ReadOnlySpan<double> points, Span<double> destination)
    {
        var d = _dimensions.Length;
        if (points.Length != destination.Length * d)
            throw new ArgumentException($"Expected {destination.Length} points of {d} values, got {points.Length} values.", nameof(points));
        var components = _logWeights.Length;
        Span<double> accumulator = components <= 256 ? stackalloc double[components] : new double[components];
        for (var i = 0; i < destination.Length; i++)
        {
            var point = points.Slice(i * d, d);
            _logWeights.CopyTo(accumulator);
            var inside = true;
            var jacobian = 0.0;
            for (var j = 0; j < d && inside; j++)
            {
                inside = _kernels[j].AddLogKernels(point[j], accumulator);
                jacobian += _kernels[j].LogJacobian(point[j]);
            }
            destination[i] = inside ? LogMeanExp.OfSum(accumulator) + jacobian : double.NegativeInfinity;
        }
    }

    /// <summary>Draws a point: a component by weight, then each dimension's value from that component's kernel.</summary>
    /// <param name="random">The source of randomness.</param>
    /// <param name="destination">Receives one raw value per dimension (valid values: integers whole, categoricals
    /// choice indices).</param>
    public void Sample(Random random, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (destination.Length != _dimensions.Length)
            throw new ArgumentException($"Expected room for {_dimensions.Length} values, got {destination.Length}.", nameof(destination));
        var component = PickComponent(random.NextDouble());
        for (var j = 0; j < _kernels.Length; j++)
            destination[j] = _kernels[j].Sample(random, component);
    }

    /// <summary>Draws a point (see <see cref="Sample(Random, Span{double})"/>).</summary>
    public double[] Sample(Random random)
    {
        var result = new double[_dimensions.Length];
        Sample(random, result);
        return result;
    }

    /// <summary>The warped centres and bandwidths of a numeric dimension's kernels (the prior's last), for tests
    /// and diagnostics.</summary>
    internal (IReadOnlyList<double> Mu, IReadOnlyList<double> Sigma) NumericKernelsOf(int dimension) =>
        _kernels[dimension] is NumericParzenKernels numeric
            ? (numeric.Mu, numeric.Sigma)
            : throw new ArgumentException($"Dimension '{_dimensions[dimension].Name}' is not numeric.", nameof(dimension));

    private int PickComponent(double u)
    {
        // The last cumulative weight is 1 up to rounding; anything past it belongs to the last component.
        // Component k owns [cumulative[k-1], cumulative[k]): an exact hit on cumulative[k] belongs to k + 1.
        var index = Array.BinarySearch(_cumulativeWeights, u);
        index = index >= 0 ? index + 1 : ~index;
        // Skip components of zero weight that share the cumulative value found.
        while (index < _cumulativeWeights.Length - 1 && _logWeights[index] == double.NegativeInfinity) index++;
        return Math.Min(index, _cumulativeWeights.Length - 1);
    }
}
