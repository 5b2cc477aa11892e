namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>The log of the mean of exp(values), computed around the largest value so that values far below zero (log
/// densities, log expected improvements) neither underflow to −∞ nor lose their ranking.</summary>
internal static class LogMeanExp
{
    /// <summary>log(mean(exp(<paramref name="logs"/>))); −∞ for no values or when every value is −∞.</summary>
    public static double Of(ReadOnlySpan<double> logs)
    {
        if (logs.Length == 0) return double.NegativeInfinity;
        var max = double.NegativeInfinity;
        foreach (var v in logs) max = Math.Max(max, v);
        if (double.IsNegativeInfinity(max)) return max;
        double sum = 0;
        foreach (var v in logs) sum += Math.Exp(v - max);
        return max + Math.Log(sum / logs.Length);
    }
}
