using MathNet.Numerics;

namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>The standard normal distribution's CDF, interval masses and truncated sampling, written so that
/// masses far in a tail keep their relative precision instead of cancelling to zero, and fast enough to be called
/// once per kernel per candidate.</summary>
internal static class StandardNormal
{
    /// <summary>log(1/sqrt(2 pi)).</summary>
    public const double LogInvSqrt2Pi = -0.91893853320467274178;

    private const double InvSqrt2 = 0.70710678118654752440;
    private const double InvSqrt2Pi = 0.39894228040143267794;
    private const double InvSqrtPi = 0.56418958354775628695;

    // erfcx(x) = exp(x^2) erfc(x) is smooth and slowly varying on [0, inf): tabulated on [0, TableEnd] with its
    // derivative and interpolated by cubic Hermite polynomials (relative error about 1e-10), it gives erfc at the
    // cost of one exp, where MathNet's erfc costs some twenty.
    private const double TableEnd = 30;
    private const int StepsPerUnit = 128;
    private static readonly double[] ErfcxTable = BuildErfcxTable();

    /// <summary>erfc(x) for any x, relative error about 1e-10.</summary>
    public static double Erfc(double x)
    {
        if (x < 0) return 2 - Erfc(-x);
        return x >= 27 ? 0 : Math.Exp(-x * x) * Erfcx(x);
    }

    /// <summary>P(Z &lt;= z).</summary>
    public static double Cdf(double z) => 0.5 * Erfc(-z * InvSqrt2);

    /// <summary>P(a &lt;= Z &lt;= b) for a &lt;= b. A narrow interval is integrated around its midpoint (a series in its
    /// width, which avoids subtracting two nearly equal CDFs); a wide one subtracts two tail probabilities, never
    /// two numbers near one, so that a mass of 1e-200 is as precise as a mass of 0.5.</summary>
    public static double Mass(double a, double b)
    {
        var width = b - a;
        var mid = 0.5 * (a + b);
        var spread = width * (1 + Math.Abs(mid));
        if (spread < 0.2)
        {
            // Integral of phi over [mid - w/2, mid + w/2] = w phi(mid) (1 + (m^2-1) w^2/24 + (m^4-6m^2+3) w^4/1920 + O((mw)^6)).
            var m2 = mid * mid;
            var w2 = width * width;
            return width * InvSqrt2Pi * Math.Exp(-0.5 * m2) * (1 + (m2 - 1) * w2 / 24 + (m2 * m2 - 6 * m2 + 3) * w2 * w2 / 1920);
        }
        if (a >= 0) return 0.5 * (Erfc(a * InvSqrt2) - Erfc(b * InvSqrt2));
        if (b <= 0) return 0.5 * (Erfc(-b * InvSqrt2) - Erfc(-a * InvSqrt2));
        return 1 - 0.5 * (Erfc(-a * InvSqrt2) + Erfc(b * InvSqrt2));
    }

    /// <summary>A draw of Z conditioned on a &lt;= Z &lt;= b (a &lt; b), by inverting the CDF. An interval in the upper
    /// half is mirrored into the lower half, where the CDF is small and inverting it keeps its precision.</summary>
    public static double SampleTruncated(Random random, double a, double b)
    {
        if (!(a <= b))
            throw new ArgumentException($"A truncated normal needs a <= b, got a = {a}, b = {b}.", nameof(a));
        // Mirrored once, so that the lower end lies in the left tail, where erfcinv is accurate; once only, so that
        // a = b = 0 (which mirrors onto itself) ends too.
        var mirrored = a >= 0;
        if (mirrored) (a, b) = (-b, -a);
        var lo = Cdf(a);
        var hi = Cdf(b);
        var p = lo + random.NextDouble() * (hi - lo);
        // Quantile(p) = -sqrt(2) erfcinv(2p).
        var z = p <= 0 ? a : p >= 1 ? b : -Math.Sqrt(2) * SpecialFunctions.ErfcInv(2 * p);
        z = Math.Clamp(z, a, b);
        return mirrored ? -z : z;
    }

    private static double Erfcx(double x)
    {
        if (x >= TableEnd)
        {
            // Asymptotic series; at x = 30 the first omitted term is below 1e-13.
            var r = 1 / (x * x);
            return InvSqrtPi / x * (1 + r * (-0.5 + r * (0.75 + r * (-1.875 + r * 6.5625))));
        }
        var t = x * StepsPerUnit;
        var i = (int)t;
        var u = t - i;
        var f0 = ErfcxTable[2 * i];
        var d0 = ErfcxTable[2 * i + 1];
        var f1 = ErfcxTable[2 * i + 2];
        var d1 = ErfcxTable[2 * i + 3];
        // Cubic Hermite on [x_i, x_i + h] with derivatives already scaled by h.
        var u2 = u * u;
        var u3 = u2 * u;
        return f0 * (2 * u3 - 3 * u2 + 1) + d0 * (u3 - 2 * u2 + u) + f1 * (-2 * u3 + 3 * u2) + d1 * (u3 - u2);
    }

    private static double[] BuildErfcxTable()
    {
        var n = (int)(TableEnd * StepsPerUnit) + 2;
        var table = new double[2 * n];
        const double h = 1.0 / StepsPerUnit;
        for (var i = 0; i < n; i++)
        {
            var x = i * h;
            // For x past ~26 erfc underflows; the asymptotic series is exact to double precision there.
            var f = x < 25 ? Math.Exp(x * x) * SpecialFunctions.Erfc(x) : AsymptoticErfcx(x);
            table[2 * i] = f;
            // d/dx erfcx(x) = 2x erfcx(x) - 2/sqrt(pi), scaled by the step for the Hermite form.
            table[2 * i + 1] = (2 * x * f - 2 * InvSqrtPi) * h;
        }
        return table;
    }

    private static double AsymptoticErfcx(double x)
    {
        var r = 1 / (x * x);
        return InvSqrtPi / x * (1 + r * (-0.5 + r * (0.75 + r * (-1.875 + r * (6.5625 + r * (-29.53125 + r * 162.421875))))));
    }
}
