using MathNet.Numerics;

namespace Microsoft.ML.NasTuners.Acquisition.Gp;

/// <summary>
/// Expected improvement below a best value for a Gaussian prediction (losses are minimised):
/// EI = σ h(z) with z = (best − μ)/σ and h(z) = φ(z) + zΦ(z). The logarithm is computed without underflow far into
/// the tail (z ≪ 0), where the direct formula loses all digits to cancellation; an optimiser working on log EI
/// therefore still sees a slope where EI itself rounds to zero.
/// </summary>
public static class ExpectedImprovement
{
    // Below this z the continued fraction replaces the direct formula; it needs few terms there.
    private const double TailStart = -5;
    private const int FractionTerms = 60;
    private static readonly double LogSqrt2Pi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>The expected improvement of N(<paramref name="mean"/>, <paramref name="standardDeviation"/>²) below
    /// <paramref name="best"/>.</summary>
    public static double Value(double mean, double standardDeviation, double best) => Math.Exp(LogValue(mean, standardDeviation, best));

    /// <summary>The natural log of <see cref="Value"/>; negative infinity only when σ = 0 and μ ≥ best.</summary>
    public static double LogValue(double mean, double standardDeviation, double best) =>
        LogValueWithGradient(mean, standardDeviation, best, out _, out _);

    /// <summary>log EI with its derivatives with respect to the mean and the standard deviation.</summary>
    public static double LogValueWithGradient(double mean, double standardDeviation, double best, out double dMean, out double dStandardDeviation)
    {
        if (!(standardDeviation > 0))
        {
            var improvement = best - mean;
            dMean = improvement > 0 ? -1 / improvement : 0;
            dStandardDeviation = 0;
            return improvement > 0 ? Math.Log(improvement) : double.NegativeInfinity;
        }
        var z = (best - mean) / standardDeviation;
        var logH = LogH(z, out var dLogH);
        dMean = -dLogH / standardDeviation;
        dStandardDeviation = (1 - z * dLogH) / standardDeviation;
        return Math.Log(standardDeviation) + logH;
    }

    /// <summary>log h(z), h(z) = φ(z) + zΦ(z), and d log h / dz = Φ(z)/h(z).</summary>
    internal static double LogH(double z, out double derivative)
    {
        if (z >= TailStart)
        {
            var cdf = 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));
            var pdf = Math.Exp(-0.5 * z * z - LogSqrt2Pi);
            var h = pdf + z * cdf;
            derivative = cdf / h;
            return Math.Log(h);
        }
        // With t = −z and the Mills-ratio continued fraction Φ(z)/φ(z) = 1/(t + c), c = 1/(t + 2/(t + 3/(t + …))),
        // h = φ(z)(1 − t/(t + c)) = φ(z) c/(t + c): no cancellation, and Φ/h = 1/c.
        var t = -z;
        var tail = t;
        for (var k = FractionTerms; k >= 2; k--) tail = t + k / tail;
        var c = 1 / tail;
        derivative = tail;
        return -0.5 * z * z - LogSqrt2Pi + Math.Log(c) - Math.Log(t + c);
    }
}
