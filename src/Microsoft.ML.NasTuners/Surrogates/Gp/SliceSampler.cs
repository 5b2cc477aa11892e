using MathNet.Numerics.Distributions;

namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// Slice sampling (Neal 2003) of an unnormalised log density on a box: each move draws a level under the density at
/// the current point, steps an interval out along a line until it leaves the slice, then shrinks it around the current
/// point until a draw lands inside. It needs no gradients and no tuning beyond an initial width, which is why
/// Spearmint uses it for GP hyper-parameters.
/// </summary>
public sealed class SliceSampler
{
    private readonly Func<double[], double> _logDensity;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly double[] _widths;

    /// <summary>Creates the sampler.</summary>
    /// <param name="logDensity">The log density (up to a constant); negative infinity outside its support.</param>
    /// <param name="lower">The lower bound of each coordinate.</param>
    /// <param name="upper">The upper bound of each coordinate.</param>
    /// <param name="widths">The initial interval width per coordinate; default a quarter of the bounds' span, at most 1.</param>
    /// <param name="maxStepsOut">The most times an interval end is moved out (default 32).</param>
    public SliceSampler(Func<double[], double> logDensity, double[] lower, double[] upper, double[]? widths = null, int maxStepsOut = 32)
    {
        _logDensity = logDensity ?? throw new ArgumentNullException(nameof(logDensity));
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        if (lower.Length != upper.Length) throw new ArgumentException("Bounds differ in length.", nameof(upper));
        for (var i = 0; i < lower.Length; i++)
        {
            if (!(lower[i] <= upper[i])) throw new ArgumentException($"Coordinate {i} has lower bound {lower[i]} above upper bound {upper[i]}.", nameof(lower));
        }
        _lower = lower;
        _upper = upper;
        _widths = widths ?? lower.Select((l, i) => Math.Min(1, (upper[i] - l) / 4)).ToArray();
        if (_widths.Length != lower.Length || _widths.Any(w => !(w > 0)))
            throw new ArgumentException("Widths must be positive, one per coordinate.", nameof(widths));
        MaxStepsOut = maxStepsOut > 0 ? maxStepsOut : throw new ArgumentOutOfRangeException(nameof(maxStepsOut), maxStepsOut, "Must be positive.");
    }

    /// <summary>The most times an interval end is moved out.</summary>
    public int MaxStepsOut { get; }

    /// <summary>The number of log-density evaluations so far.</summary>
    public long Evaluations { get; private set; }

    /// <summary>One sweep: a slice move along each coordinate axis in turn. Returns the new point (a new array).</summary>
    public double[] SweepCoordinates(double[] x, Random random)
    {
        var current = Start(x, random, out var logDensity);
        var direction = new double[current.Length];
        for (var i = 0; i < current.Length; i++)
        {
            if (_upper[i] == _lower[i]) continue;
            Array.Clear(direction);
            direction[i] = 1;
            (current, logDensity) = MoveAlong(current, logDensity, direction, _widths[i], random);
        }
        return current;
    }

    /// <summary>One slice move along a uniformly random direction (scaled by the widths). Returns the new point.</summary>
    public double[] StepRandomDirection(double[] x, Random random)
    {
        var current = Start(x, random, out var logDensity);
        var direction = new double[current.Length];
        double norm = 0;
        for (var i = 0; i < direction.Length; i++)
        {
            direction[i] = _upper[i] == _lower[i] ? 0 : Normal.Sample(random, 0, 1) * _widths[i];
            norm += direction[i] * direction[i] / (_widths[i] * _widths[i]);
        }
        norm = Math.Sqrt(norm);
        if (norm == 0) return current;
        for (var i = 0; i < direction.Length; i++) direction[i] /= norm;
        return MoveAlong(current, logDensity, direction, 1, random).Point;
    }

    private double[] Start(double[] x, Random random, out double logDensity)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(random);
        if (x.Length != _lower.Length) throw new ArgumentException($"Expected {_lower.Length} coordinates, got {x.Length}.", nameof(x));
        var current = x.Select((v, i) => Math.Clamp(v, _lower[i], _upper[i])).ToArray();
        logDensity = Evaluate(current);
        if (double.IsNegativeInfinity(logDensity) || double.IsNaN(logDensity))
            throw new ArgumentException("The starting point has zero density.", nameof(x));
        return current;
    }

    // A slice move along x + t·direction, t in the range that keeps the point inside the box.
    private (double[] Point, double LogDensity) MoveAlong(double[] x, double logDensity, double[] direction, double width, Random random)
    {
        var (tMin, tMax) = LineRange(x, direction);
        // The level: log f(x) + log U, with log U = −Exp(1).
        var level = logDensity + Math.Log(1 - random.NextDouble());
        var left = -width * random.NextDouble();
        var right = left + width;
        left = Math.Max(left, tMin);
        right = Math.Min(right, tMax);
        var point = new double[x.Length];
        for (var s = 0; s < MaxStepsOut && left > tMin && At(x, direction, left, point) > level; s++) left = Math.Max(left - width, tMin);
        for (var s = 0; s < MaxStepsOut && right < tMax && At(x, direction, right, point) > level; s++) right = Math.Min(right + width, tMax);
        // Shrinkage always ends: the current point (t = 0) lies in the slice and in every shrunk interval.
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var t = left + (right - left) * random.NextDouble();
            var value = At(x, direction, t, point);
            if (value > level) return (point, value);
            if (t < 0) left = t;
            else right = t;
        }
        return (x, logDensity);
    }

    private double At(double[] x, double[] direction, double t, double[] point)
    {
        for (var i = 0; i < x.Length; i++) point[i] = Math.Clamp(x[i] + t * direction[i], _lower[i], _upper[i]);
        return Evaluate(point);
    }

    private (double Min, double Max) LineRange(double[] x, double[] direction)
    {
        double tMin = double.NegativeInfinity, tMax = double.PositiveInfinity;
        for (var i = 0; i < x.Length; i++)
        {
            if (direction[i] == 0) continue;
            var a = (_lower[i] - x[i]) / direction[i];
            var b = (_upper[i] - x[i]) / direction[i];
            tMin = Math.Max(tMin, Math.Min(a, b));
            tMax = Math.Min(tMax, Math.Max(a, b));
        }
        return (Math.Min(tMin, 0), Math.Max(tMax, 0));
    }

    private double Evaluate(double[] point)
    {
        Evaluations++;
        var value = _logDensity(point);
        return double.IsNaN(value) ? double.NegativeInfinity : value;
    }
}
