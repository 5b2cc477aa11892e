using System.Numerics;

namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>Kernels of a continuous or integer dimension: Gaussians in warped space (log space for log-scaled
/// dimensions) truncated to the warped range. A continuous value has the truncated density; an integer k has the
/// kernel's mass over its cell [k - 1/2, k + 1/2] (warped), so the masses of all integers sum to one.</summary>
internal sealed class NumericParzenKernels : ParzenKernels
{
    private readonly Dimension _dimension;
    private readonly bool _isInteger;
    private readonly bool _isPoint;
    private readonly double _lower;
    private readonly double _upper;
    private readonly double[] _mu;
    private readonly double[] _sigma;
    private readonly double[] _inverseSigma;
    // Continuous: log(1/(sigma sqrt(2 pi) Z)); integer: -log Z; Z being the kernel's mass inside the range.
    private readonly double[] _logNormaliser;

    /// <param name="dimension">A continuous or integer dimension.</param>
    /// <param name="mu">Warped centres, one per component.</param>
    /// <param name="sigma">Bandwidths in warped units, one per component, all positive.</param>
    public NumericParzenKernels(Dimension dimension, double[] mu, double[] sigma)
    {
        _dimension = dimension;
        _isInteger = dimension.Kind == DimensionKind.Integer;
        _lower = dimension.WarpedLower;
        _upper = dimension.WarpedUpper;
        // A continuous dimension with Lower == Upper holds one value: every kernel is the point mass there.
        _isPoint = !(_upper > _lower);
        _mu = mu;
        _sigma = sigma;
        _inverseSigma = new double[mu.Length];
        _logNormaliser = new double[mu.Length];
        if (_isPoint) return;
        for (var k = 0; k < mu.Length; k++)
        {
            _inverseSigma[k] = 1 / sigma[k];
            var inside = StandardNormal.Mass((_lower - mu[k]) * _inverseSigma[k], (_upper - mu[k]) * _inverseSigma[k]);
            _logNormaliser[k] = -Math.Log(inside) + (_isInteger ? 0 : StandardNormal.LogInvSqrt2Pi - Math.Log(sigma[k]));
        }
    }

    /// <summary>The warped centres (the prior's last).</summary>
    public IReadOnlyList<double> Mu => _mu;

    /// <summary>The bandwidths (the prior's last).</summary>
    public IReadOnlyList<double> Sigma => _sigma;

    public override bool AddLogKernels(double value, Span<double> accumulator)
    {
        if (_isPoint) return value == _dimension.Lower;
        if (_isInteger) return AddLogCellMasses(value, accumulator);
        if (!(value >= _dimension.Lower && value <= _dimension.Upper)) return false;
        var w = _dimension.Warp(value);
        var mu = _mu.AsSpan();
        var inverseSigma = _inverseSigma.AsSpan();
        var logNormaliser = _logNormaliser.AsSpan();
        var k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // The hot loop of a proposal (candidates x observations); written with vectors as the JIT does not.
            var wv = new Vector<double>(w);
            var minusHalf = new Vector<double>(-0.5);
            for (; k <= accumulator.Length - Vector<double>.Count; k += Vector<double>.Count)
            {
                var z = (wv - new Vector<double>(mu[k..])) * new Vector<double>(inverseSigma[k..]);
                var sum = new Vector<double>(accumulator[k..]) + new Vector<double>(logNormaliser[k..]) + minusHalf * z * z;
                sum.CopyTo(accumulator[k..]);
            }
        }
        // The same operations in the same order as the vector loop, so that a value does not depend on whether it fell
        // in the tail, and so on the machine's vector width: proposals must not change with the CPU.
        for (; k < accumulator.Length; k++)
        {
            var z = (w - mu[k]) * inverseSigma[k];
            accumulator[k] = accumulator[k] + logNormaliser[k] + -0.5 * z * z;
        }
        return true;
    }

    private bool AddLogCellMasses(double value, Span<double> accumulator)
    {
        var integer = Math.Round(value, MidpointRounding.AwayFromZero);
        if (!(integer >= _dimension.Lower && integer <= _dimension.Upper)) return false;
        var a = Math.Max(_lower, _dimension.Warp(integer - 0.5));
        var b = Math.Min(_upper, _dimension.Warp(integer + 0.5));
        var mu = _mu;
        var inverseSigma = _inverseSigma;
        var logNormaliser = _logNormaliser;
        for (var k = 0; k < accumulator.Length; k++)
        {
            var mass = StandardNormal.Mass((a - mu[k]) * inverseSigma[k], (b - mu[k]) * inverseSigma[k]);
            accumulator[k] += logNormaliser[k] + Math.Log(mass);
        }
        return true;
    }

    public override double LogJacobian(double value) =>
        _dimension.IsLog && !_isInteger && !_isPoint ? -Math.Log(value) : 0;

    public override double Sample(Random random, int component)
    {
        if (_isPoint) return _dimension.Lower;
        var mu = _mu[component];
        var sigma = _sigma[component];
        var z = StandardNormal.SampleTruncated(random, (_lower - mu) / sigma, (_upper - mu) / sigma);
        var warped = Math.Clamp(mu + sigma * z, _lower, _upper);
        // Rounding an integer's continuous draw gives each integer exactly the kernel's mass over its cell.
        return _dimension.Snap(_dimension.Unwarp(warped));
    }
}
