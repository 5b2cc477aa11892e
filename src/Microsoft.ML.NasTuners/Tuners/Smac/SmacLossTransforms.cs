namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>The loss transforms of <see cref="SmacLossTransform"/>.</summary>
internal static class SmacLossTransforms
{
    // The percentile of the losses whose distance above the best sets the shift of the log transform (as in SMAC).
    private const double LogShiftQuantile = 0.05;

    /// <summary>The transformed losses (a new array).</summary>
    public static double[] Apply(SmacLossTransform transform, IReadOnlyList<double> losses)
    {
        var targets = new double[losses.Count];
        for (var i = 0; i < targets.Length; i++) targets[i] = losses[i];
        if (transform == SmacLossTransform.None || targets.Length == 0) return targets;

        var sorted = (double[])targets.Clone();
        Array.Sort(sorted);
        double min = sorted[0], max = sorted[^1];
        if (transform == SmacLossTransform.CompressWorseHalf)
        {
            var median = sorted[(sorted.Length - 1) / 2];
            var scale = median - min;
            if (!(scale > 0)) return targets;
            for (var i = 0; i < targets.Length; i++)
            {
                if (targets[i] > median) targets[i] = median + scale * Math.Log(1 + (targets[i] - median) / scale);
            }
            return targets;
        }

        // Log: the best maps to log(gap). With few losses the 5th percentile is the best itself, so the second best
        // is the nearest one to use; with all losses equal, a sliver of their size keeps the logarithm finite.
        var index = Math.Min(sorted.Length - 1, Math.Max(1, (int)Math.Floor(LogShiftQuantile * (sorted.Length - 1))));
        var gap = sorted[index] - min;
        if (!(gap > 0)) gap = Math.Max(1e-3 * (max - min), 1e-12 * Math.Max(1, Math.Abs(min)));
        var shift = min - gap;
        for (var i = 0; i < targets.Length; i++) targets[i] = Math.Log(targets[i] - shift);
        return targets;
    }
}
