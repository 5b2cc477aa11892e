namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>Ranks with ties: the smallest value gets rank 1, and equal values share the mean of the ranks they span
/// (the "mid-rank" of every rank test).</summary>
public static class TiedRanks
{
    /// <summary>The rank of each value, in the values' order.</summary>
    /// <exception cref="ArgumentException">A value is NaN.</exception>
    public static double[] Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Any(double.IsNaN)) throw new ArgumentException("Values with NaN cannot be ranked.", nameof(values));
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]].Equals(values[order[i]])) j++;
            var shared = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++) ranks[order[k]] = shared;
            i = j + 1;
        }
        return ranks;
    }
}
