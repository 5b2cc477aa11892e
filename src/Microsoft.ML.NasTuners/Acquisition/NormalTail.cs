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

    // Below -AsymptoticLimit, 1 - xR(x) comes from its asymptotic series; up to it the continued fraction's
    // cancellation costs at most x^2 ≈ 1600 ulps, and the series truncated after five terms errs by < 1e-10.
    private const double AsymptoticLimit = 40;

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
        // Continued fraction R(x) = 1/(x + 1/(x + 2/(x + 3/(x + ...)))), evaluated from the bottom; at x ≥ 5
        // sixty levels reach double precision.
        var tail = x;
        for (var k = 60; k >= 1; k--) tail = x + k / tail;
        return 1 / tail;
    }

    /// <summary>log Φ(z), accurate for very negative z.</summary>
    public static double LogCdf(double z) => z >= -DirectLimit
        ? Math.Log(Cdf(z))
        : LogPdf(z) + Math.Log(MillsRatio(-z));

    /// <summary>log(φ(z) + zΦ(z)), the log of the expected improvement of a standard normal over z.</summary>
    public static double LogExpectedImprovement(double z)
    {
        if (z > -DirectLimit) return Math.Log(Pdf(z) + z * Cdf(z));
        // h(-x) = φ(x)(1 - xR(x)).
        var x = -z;
        if (x < AsymptoticLimit) return LogPdf(x) + Math.Log(1 - x * MillsRatio(x));
        var inverse = 1 / (x * x);
        var series = inverse * (1 + inverse * (-3 + inverse * (15 + inverse * (-105 + inverse * 945))));
        return LogPdf(x) + Math.Log(series);
    }

    /// <summary>log(1 - exp(a)) for a &lt; 0, accurate both near 0 and for very negative a.</summary>
    public static double Log1MinusExp(double a) => a > -0.6931471805599453
        ? Math.Log(-SpecialFunctions.Expm1(a))
        : SpecialFunctions.Log1p(-Math.Exp(a));
}
