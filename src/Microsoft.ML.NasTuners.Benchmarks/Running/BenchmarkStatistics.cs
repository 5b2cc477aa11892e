namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>Summaries of benchmark records.</summary>
public static class BenchmarkStatistics
{
    /// <summary>One summary per (problem, tuner), sorted by problem then tuner (ordinal).</summary>
    public static IReadOnlyList<BenchmarkSummary> Summarize(IEnumerable<TrialRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records
            .GroupBy(r => (r.Problem, r.Tuner))
            .OrderBy(g => g.Key.Problem, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Tuner, StringComparer.Ordinal)
            .Select(Summarize)
            .ToArray();
    }

    private static BenchmarkSummary Summarize(IGrouping<(string Problem, string Tuner), TrialRecord> group)
    {
        var bySeed = group.GroupBy(r => r.Seed).ToArray();
        // The last trial's regret is the run's final regret: best-so-far only improves.
        var finals = bySeed
            .Select(seed => seed.MaxBy(r => r.Trial)!.Regret)
            .OfType<double>()
            .ToArray();
        return new BenchmarkSummary
        {
            Problem = group.Key.Problem,
            Tuner = group.Key.Tuner,
            Seeds = bySeed.Length,
            MedianRegret = finals.Length == 0 ? double.NaN : Quantiles.Of(finals, 0.5),
            Q25Regret = finals.Length == 0 ? double.NaN : Quantiles.Of(finals, 0.25),
            Q75Regret = finals.Length == 0 ? double.NaN : Quantiles.Of(finals, 0.75),
            MeanProposeMs = group.Average(r => r.ProposeMs),
            FailedTrials = group.Count(r => r.Status == TrialStatus.Failed),
        };
    }
}
