namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// Sample quantiles by linear interpolation between order statistics (Hyndman and Fan's type 7, the default of R
/// and NumPy): with the values sorted as v_0 ≤ ... ≤ v_{n-1} and h = (n - 1) p, the p-quantile is
/// v_⌊h⌋ + (h - ⌊h⌋)(v_⌊h⌋+1 - v_⌊h⌋).
/// </summary>
public static class Quantiles
{
    /// <summary>The <paramref name="probability"/>-quantile of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">No values, or a value is NaN.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside [0, 1].</exception>
    public static double Of(IEnumerable<double> values, double probability)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!(probability >= 0 && probability <= 1))
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A quantile's probability must lie in [0, 1].");
        var sorted = values.ToArray();
        if (sorted.Length == 0) throw new ArgumentException("A quantile needs at least one value.", nameof(values));
        if (sorted.Any(double.IsNaN)) throw new ArgumentException("A quantile of values with NaN is undefined.", nameof(values));
        Array.Sort(sorted);
        var h = (sorted.Length - 1) * probability;
        var below = (int)Math.Floor(h);
        if (below >= sorted.Length - 1) return sorted[^1];
        var fraction = h - below;
        // Equal neighbours (infinite ones included) need no interpolation, which would give NaN for ∞ - ∞.
        return sorted[below] == sorted[below + 1] ? sorted[below] : sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
    }

    /// <summary>The median (the 0.5-quantile).</summary>
    public static double Median(IEnumerable<double> values) => Of(values, 0.5);
}
