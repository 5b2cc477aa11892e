namespace Microsoft.ML.NasTuners.Benchmarks.Review;

/// <summary>How a condition's result bears on the issue's hypothesis: held when an expected tuner has the best mean
/// rank, partly when one is not significantly worse than the best (Holm-corrected Wilcoxon, 5 %), not when every
/// expected tuner is significantly worse, untested when none of them ran.</summary>
public static class HypothesisVerdict
{
    /// <summary>The verdict in a few words.</summary>
    public static string Of(ReviewCondition condition, BudgetAnalysis final)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(final);
        if (condition.Expected.Count == 0) return "no prior";
        if (final.Best is not { } best) return "untested (nothing ranked)";
        var expected = final.Standings.Where(s => condition.Expected.Contains(s.Tuner)).ToArray();
        if (expected.Length == 0) return "untested (no expected tuner ran)";
        if (condition.Expected.Contains(best)) return "held";
        var tied = expected.Where(s => s.TiesWithBest).Select(s => s.Tuner).ToArray();
        return tied.Length > 0
            ? $"partly: {string.Join(", ", tied)} not significantly worse than {best}"
            : $"did not hold: {best} beats {string.Join(", ", expected.Select(s => s.Tuner))} significantly";
    }
}
