namespace Microsoft.ML.NasTuners.Acquisition;

/// <summary>
/// Expected improvement of a Gaussian prediction N(mean, sd²) of a loss over the best loss so far:
/// EI = E[max(best - Y, 0)] = sd (zΦ(z) + φ(z)) with z = (best - mean) / sd. <see cref="Log"/> computes log EI
/// accurately even where EI underflows (z far below 0), so an optimiser can still rank such points.
/// </summary>
public static class ExpectedImprovement
{
    /// <summary>The expected improvement; max(best - mean, 0) when <paramref name="sd"/> is 0.</summary>
    /// <param name="mean">The predicted mean of the loss.</param>
    /// <param name="sd">The predicted standard deviation of the loss (≥ 0).</param>
    /// <param name="best">The best (smallest) loss so far.</param>
    public static double Value(double mean, double sd, double best) => Math.Exp(Log(mean, sd, best));

    /// <summary>The natural log of the expected improvement: finite wherever sd &gt; 0; negative infinity when
    /// <paramref name="sd"/> is 0 and the mean is no better than <paramref name="best"/>.</summary>
    /// <param name="mean">The predicted mean of the loss.</param>
    /// <param name="sd">The predicted standard deviation of the loss (≥ 0).</param>
    /// <param name="best">The best (smallest) loss so far.</param>
    public static double Log(double mean, double sd, double best)
    {
        if (double.IsNaN(mean) || double.IsNaN(sd) || double.IsNaN(best))
            throw new ArgumentException($"Expected improvement needs numbers, got mean={mean}, sd={sd}, best={best}.");
        if (sd < 0)
            throw new ArgumentOutOfRangeException(nameof(sd), sd, "The standard deviation must be at least 0.");
        return LogWithGradient(mean, sd, best, out _, out _);
    }

    /// <summary>log EI with its derivatives with respect to the mean and the standard deviation, for gradient-based
    /// acquisition optimisers. Without uncertainty (sd not positive, NaN included) it is the log of the plain
    /// improvement, negative infinity when there is none; inputs are not validated, as this sits in inner loops.</summary>
    /// <param name="mean">The predicted mean of the loss.</param>
    /// <param name="sd">The predicted standard deviation of the loss.</param>
    /// <param name="best">The best (smallest) loss so far.</param>
    /// <param name="dMean">d log EI / d mean.</param>
    /// <param name="dSd">d log EI / d sd.</param>
    public static double LogWithGradient(double mean, double sd, double best, out double dMean, out double dSd)
    {
        if (!(sd > 0))
        {
            var improvement = best - mean;
            dMean = improvement > 0 ? -1 / improvement : 0;
            dSd = 0;
            return improvement > 0 ? Math.Log(improvement) : double.NegativeInfinity;
        }
        var z = (best - mean) / sd;
        var logH = NormalTail.LogExpectedImprovement(z, out var slope);
        dMean = -slope / sd;
        dSd = (1 - z * slope) / sd;
        return Math.Log(sd) + logH;
    }
}
