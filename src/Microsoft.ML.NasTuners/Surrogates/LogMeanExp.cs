namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>The log of the mean (or sum) of exp(values), computed around the largest value so that values far below
/// zero (log densities, log expected improvements) neither underflow to −∞ nor lose their ranking. Scalar and in index
/// order, so that the result does not depend on the machine's vector width (vectorised sums and exponentials made
/// TPE's proposals differ between CPUs).</summary>
internal static class LogMeanExp
{
    /// <summary>log(mean(exp(<paramref name="logs"/>))); −∞ for no values or when every value is −∞.</summary>
    public static double Of(ReadOnlySpan<double> logs)
    {
        if (logs.Length == 0) return double.NegativeInfinity;
        var sum = SumAroundMax(logs, out var max);
        return double.IsNegativeInfinity(max) ? max : max + Math.Log(sum / logs.Length);
    }

    /// <summary>log(sum(exp(<paramref name="logs"/>))); −∞ for no values or when every value is −∞.</summary>
    public static double OfSum(ReadOnlySpan<double> logs)
    {
        var sum = SumAroundMax(logs, out var max);
        return double.IsNegativeInfinity(max) ? max : max + Math.Log(sum);
    }

    // Σ exp(v − max) with max the largest value (−∞ for none, and then the sum is meaningless).
    private static double SumAroundMax(ReadOnlySpan<double> logs, out double max)
    {
        max = double.NegativeInfinity;
        foreach (var v in logs) max = Math.Max(max, v);
        if (double.IsNegativeInfinity(max)) return 0;
        double sum = 0;
        foreach (var v in logs) sum += Math.Exp(v - max);
        return sum;
    }
}
