namespace Microsoft.ML.NasTuners.Benchmarks.Review;

/// <summary>
/// Holm's step-down correction for m tests: with the p-values sorted p_(1) ≤ ... ≤ p_(m), the adjusted
/// p_(i) is max over j ≤ i of min(1, (m − j + 1) p_(j)). It controls the family-wise error rate like Bonferroni's and
/// rejects at least as often.
/// </summary>
public static class HolmCorrection
{
    /// <summary>The adjusted p-values, in the order of <paramref name="pValues"/>.</summary>
    /// <exception cref="ArgumentException">A p-value lies outside [0, 1].</exception>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        if (pValues.Any(p => !(p >= 0 && p <= 1))) throw new ArgumentException("p-values must lie in [0, 1].", nameof(pValues));
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            // Never below an earlier (smaller) one: the step-down stops at the first acceptance.
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}
