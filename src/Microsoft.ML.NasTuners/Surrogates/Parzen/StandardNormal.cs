using MathNet.Numerics;

namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>The standard normal distribution's CDF, interval masses and truncated sampling, written so that
/// masses far in a tail keep their relative precision instead of cancelling to zero.</summary>
internal static class StandardNormal
{
    /// <summary>log(1/sqrt(2 pi)).</summary>
    public const double LogInvSqrt2Pi = -0.91893853320467274178;

    private const double InvSqrt2 = 0.70710678118654752440;

    /// <summary>P(Z &lt;= z).</summary>
    public static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z * InvSqrt2);

    /// <summary>P(a &lt;= Z &lt;= b) for a &lt;= b. Each branch subtracts two small tail probabilities rather than
    /// two numbers near one, so a mass of 1e-200 is as precise as a mass of 0.5.</summary>
    public static double Mass(double a, double b)
    {
        if (a >= 0) return 0.5 * (SpecialFunctions.Erfc(a * InvSqrt2) - SpecialFunctions.Erfc(b * InvSqrt2));
        if (b <= 0) return 0.5 * (SpecialFunctions.Erfc(-b * InvSqrt2) - SpecialFunctions.Erfc(-a * InvSqrt2));
        return 1 - 0.5 * (SpecialFunctions.Erfc(-a * InvSqrt2) + SpecialFunctions.Erfc(b * InvSqrt2));
    }

    /// <summary>A draw of Z conditioned on a &lt;= Z &lt;= b (a &lt; b), by inverting the CDF. An interval in the upper
    /// half is mirrored into the lower half, where the CDF is small and inverting it keeps its precision.</summary>
    public static double SampleTruncated(Random random, double a, double b)
    {
        if (a >= 0) return -SampleTruncated(random, -b, -a);
        var lo = Cdf(a);
        var hi = Cdf(b);
        var p = lo + random.NextDouble() * (hi - lo);
        // Quantile(p) = -sqrt(2) erfcinv(2p); erfcinv is accurate for small p, which the mirroring guarantees for a.
        var z = p <= 0 ? a : p >= 1 ? b : -Math.Sqrt(2) * SpecialFunctions.ErfcInv(2 * p);
        return Math.Clamp(z, a, b);
    }
}
