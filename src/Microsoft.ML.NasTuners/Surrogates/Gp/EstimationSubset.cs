namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// The observations GP hyper-parameters are estimated from once there are too many to use all: each evaluation of
/// the marginal likelihood (and its gradient) costs O(n³), and an estimate takes tens to hundreds of them, while the
/// model conditions on the data once per hyper-parameter sample. Estimating on a subset of at most m observations
/// bounds that cost; the best half of the subset are the best observations, where the expected improvement is
/// decided and the length-scales matter most, and the rest are spread evenly over the others in arrival order, so
/// that the early, space-filling trials are represented as well.
/// </summary>
internal static class EstimationSubset
{
    /// <summary>The indices (ascending) of the observations to estimate from: all of them when there are at most
    /// <paramref name="size"/>, else <paramref name="size"/> of them as described above. Deterministic.</summary>
    /// <param name="losses">The observed losses, in arrival order.</param>
    /// <param name="size">The largest subset; at least 2.</param>
    public static IReadOnlyList<int> Choose(IReadOnlyList<double> losses, int size)
    {
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 2);
        var n = losses.Count;
        if (n <= size) return Enumerable.Range(0, n).ToArray();
        var bestCount = size / 2;
        var best = Enumerable.Range(0, n).OrderBy(i => losses[i]).ThenBy(i => i).Take(bestCount).ToHashSet();
        var others = Enumerable.Range(0, n).Where(i => !best.Contains(i)).ToArray();
        var spreadCount = size - bestCount;
        var chosen = new List<int>(best);
        for (var k = 0; k < spreadCount; k++) chosen.Add(others[(int)((long)k * others.Length / spreadCount)]);
        chosen.Sort();
        return chosen;
    }
}
