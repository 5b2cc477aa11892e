using MathNet.Numerics;

namespace Microsoft.ML.NasTuners.Acquisition;

/// <summary>
/// Standard-normal quantities computed in log space so that they stay accurate far in the lower tail, where the
/// plain formulas underflow to zero or cancel: log Φ, the Mills ratio R(x) = Φ(-x)/φ(x), and log h(z) with
/// h(z) = φ(z) + zΦ(z), the expected improvement of a unit normal.
/// </summary>
internal static class NormalTail
{
    private const double LogSqrtTwoPi = 0.91893853320467274178;
    private const double InverseSqrtTwoPi = 0.39894228040143267794;
    private const double InverseSqrtTwo = 0.70710678118654752440;

    // Below -DirectLimit the Mills ratio comes from its continued fraction instead of erfc / φ.
    private const double DirectLimit = 5;

    // Levels of the Mills-ratio continued fraction, evaluated from the bottom: beyond x = 5 sixty reach double precision.
    private const int ContinuedFractionTerms = 60;

    /// <summary>The standard normal density.</summary>
    public static double Pdf(double z) => InverseSqrtTwoPi * Math.Exp(-0.5 * z * z);

    /// <summary>The standard normal distribution function Φ(z).</summary>
    public static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z * InverseSqrtTwo);

    /// <summary>log φ(z).</summary>
    public static double LogPdf(double z) => -0.5 * z * z - LogSqrtTwoPi;

    /// <summary>The Mills ratio R(x) = Φ(-x) / φ(x) for x ≥ 0 (finite where both parts underflow).</summary>
    public static double MillsRatio(double x)
    {
        if (x < DirectLimit) return Cdf(-x) / Pdf(x);
        // Continued fraction R(x) = 1/(x + 1/(x + 2/(x + 3/(x + ...)))) = 1/(x + 1/D(x)).
        return 1 / (x + 1 / MillsDenominator(x));
    }

    // D(x) = x + 2/(x + 3/(x + ...)), the continued fraction below the first level, evaluated from the bottom; the
    // Mills ratio and the tail of log h both need it.
    private static double MillsDenominator(double x)
    {
        var tail = x;
        for (var k = ContinuedFractionTerms; k >= 2; k--) tail = x + k / tail;
        return tail;
    }

    /// <summary>log Φ(z), accurate for very negative z.</summary>
    public static double LogCdf(double z) => z >= -DirectLimit
        ? Math.Log(Cdf(z))
        : LogPdf(z) + Math.Log(MillsRatio(-z));

    /// <summary>log h(z), h(z) = φ(z) + zΦ(z), the log of the expected improvement of a standard normal over z.</summary>
    public static double LogExpectedImprovement(double z) => LogExpectedImprovement(z, out _);

    /// <summary>log h(z) as above, with its slope d log h / dz = Φ(z) / h(z).</summary>
    public static double LogExpectedImprovement(double z, out double slope)
    {
        if (z >= -DirectLimit)
        {
            var cdf = Cdf(z);
            var h = Math.Exp(LogPdf(z)) + z * cdf;
            slope = cdf / h;
            return Math.Log(h);
        }
        // With t = -z and the Mills-ratio continued fraction Φ(z)/φ(z) = 1/(t + c), c = 1/(t + 2/(t + 3/(t + ...))),
        // h = φ(z)(1 - t/(t + c)) = φ(z) c/(t + c): no cancellation however far the tail, and Φ/h = 1/c.
        var t = -z;
        var tail = MillsDenominator(t);
        var c = 1 / tail;
        slope = tail;
        return LogPdf(z) + Math.Log(c) - Math.Log(t + c);
    }

    /// <summary>log(1 - exp(a)) for a &lt; 0, accurate both near 0 and for very negative a.</summary>
    public static double Log1MinusExp(double a) => a > -0.6931471805599453
        ? Math.Log(-SpecialFunctions.Expm1(a))
        : SpecialFunctions.Log1p(-Math.Exp(a));
}
