namespace Microsoft.ML.NasTuners.Benchmarks.Review;

/// <summary>
/// Percentile bootstrap intervals: the statistic is recomputed on <c>resamples</c> samples drawn with replacement from
/// the n units (seeded, so an interval reproduces), and the interval runs between the (1 − level)/2 and (1 + level)/2
/// quantiles (<see cref="Quantiles"/>) of those values.
/// </summary>
public static class BootstrapInterval
{
    /// <summary>The interval of the mean of <paramref name="values"/>.</summary>
    public static (double Lower, double Upper) OfMean(IReadOnlyList<double> values, int seed, int resamples = 2000, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Of(values.Count, indices => indices.Average(i => values[i]), seed, resamples, level);
    }

    /// <summary>The interval of any statistic of n units.</summary>
    /// <param name="units">n, at least 1.</param>
    /// <param name="statistic">The statistic of a resample, given as the indices of its units (with repeats).</param>
    /// <param name="seed">Seeds the resampling.</param>
    /// <param name="resamples">How many resamples, at least 1.</param>
    /// <param name="level">The confidence level, in (0, 1).</param>
    public static (double Lower, double Upper) Of(int units, Func<int[], double> statistic, int seed, int resamples = 2000, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "The level must lie strictly between 0 and 1.");
        var random = new Random(seed);
        var values = new double[resamples];
        var indices = new int[units];
        for (var b = 0; b < resamples; b++)
        {
            for (var i = 0; i < units; i++) indices[i] = random.Next(units);
            values[b] = statistic(indices);
        }
        return (Quantiles.Of(values, (1 - level) / 2), Quantiles.Of(values, (1 + level) / 2));
    }
}
