using MathNet.Numerics;

namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>A Gaussian kernel on [0,1], renormalised to the interval so that each kernel, and so the density, has mass
/// one inside the unit interval.</summary>
internal static class TruncatedGaussianKernel
{
    private const int MaxRejections = 1000;
    private static readonly double LogSqrt2Pi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>The log of the kernel's untruncated mass inside [0,1]; the centre lies in [0,1], so it is at least about
    /// log(1/2) and never underflows.</summary>
    public static double LogMass(double centre, double bandwidth) =>
        Math.Log(StandardNormalCdf((1 - centre) / bandwidth) - StandardNormalCdf(-centre / bandwidth));

    /// <summary>The log density at <paramref name="x"/> in [0,1], given <see cref="LogMass"/>.</summary>
    public static double LogDensity(double x, double centre, double bandwidth, double logMass)
    {
        var z = (x - centre) / bandwidth;
        return -0.5 * z * z - LogSqrt2Pi - Math.Log(bandwidth) - logMass;
    }

    /// <summary>A draw from the kernel: a Gaussian draw redrawn until it lands in [0,1] (at least about half of draws
    /// do, as the centre lies inside), clamped after many tries.</summary>
    public static double Sample(Random random, double centre, double bandwidth)
    {
        var x = centre;
        for (var i = 0; i < MaxRejections; i++)
        {
            x = centre + bandwidth * StandardNormal(random);
            if (x >= 0 && x <= 1)
                return x;
        }
        return Math.Clamp(x, 0, 1);
    }

    /// <summary>Φ(z), by the complementary error function, accurate in both tails.</summary>
    public static double StandardNormalCdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));

    // Box-Muller from the caller's seeded generator, so that every draw flows from the tuner's seed.
    private static double StandardNormal(Random random)
    {
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
