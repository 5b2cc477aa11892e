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
        if (sd == 0) return best > mean ? Math.Log(best - mean) : double.NegativeInfinity;
        return Math.Log(sd) + NormalTail.LogExpectedImprovement((best - mean) / sd);
    }
}
