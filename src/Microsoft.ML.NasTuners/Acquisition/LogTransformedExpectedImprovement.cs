namespace Microsoft.ML.NasTuners.Acquisition;

/// <summary>
/// Expected improvement when the model predicts the log of the loss, N(mean, sd²) for log(loss), and improvement is
/// measured on the loss itself (SMAC's "log EI", Hutter, Hoos and Leyton-Brown 2009): with η the log of the best loss
/// and v = (η - mean) / sd, EI = E[max(e^η - e^Y, 0)] = e^η Φ(v) - e^(mean + sd²/2) Φ(v - sd).
/// <see cref="Log"/> computes log EI without the cancellation of that difference: for v &lt; 0 the ratio of its two
/// terms is R(sd - v) / R(-v), with R the Mills ratio, which never underflows.
/// </summary>
public static class LogTransformedExpectedImprovement
{
    /// <summary>The expected improvement of the loss.</summary>
    /// <param name="mean">The predicted mean of the log loss.</param>
    /// <param name="sd">The predicted standard deviation of the log loss (≥ 0).</param>
    /// <param name="bestLog">The log of the best loss so far.</param>
    public static double Value(double mean, double sd, double bestLog) => Math.Exp(Log(mean, sd, bestLog));

    /// <summary>The natural log of the expected improvement of the loss; negative infinity when
    /// <paramref name="sd"/> is 0 and the mean is no better than <paramref name="bestLog"/>.</summary>
    /// <param name="mean">The predicted mean of the log loss.</param>
    /// <param name="sd">The predicted standard deviation of the log loss (≥ 0).</param>
    /// <param name="bestLog">The log of the best loss so far.</param>
    public static double Log(double mean, double sd, double bestLog)
    {
        if (double.IsNaN(mean) || double.IsNaN(sd) || double.IsNaN(bestLog))
            throw new ArgumentException($"Expected improvement needs numbers, got mean={mean}, sd={sd}, bestLog={bestLog}.");
        if (sd < 0)
            throw new ArgumentOutOfRangeException(nameof(sd), sd, "The standard deviation must be at least 0.");
        if (sd == 0)
        {
            // e^η - e^mean = e^η (1 - e^(mean - η)).
            return bestLog > mean ? bestLog + NormalTail.Log1MinusExp(mean - bestLog) : double.NegativeInfinity;
        }
        var v = (bestLog - mean) / sd;
        // log of the ratio of the subtracted term to the first one; below 0 since EI > 0.
        var logRatio = v < 0
            ? Math.Log(NormalTail.MillsRatio(sd - v)) - Math.Log(NormalTail.MillsRatio(-v))
            : sd * (0.5 * sd - v) + NormalTail.LogCdf(v - sd) - NormalTail.LogCdf(v);
        if (logRatio >= 0) return double.NegativeInfinity;
        return bestLog + NormalTail.LogCdf(v) + NormalTail.Log1MinusExp(logRatio);
    }
}
