namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>Summaries of benchmark records.</summary>
public static class BenchmarkStatistics
{
    /// <summary>The spent budgets, in full-budget equivalents, at which <see cref="BenchmarkSummary.MedianRegretAt"/>
    /// reports the regret: 10, 25, 50 and 100.</summary>
    public static IReadOnlyList<int> Checkpoints { get; } = [10, 25, 50, 100];

    // Spent budgets are sums of doubles; a run that spent exactly K full budgets must count as having reached K.
    private const double Tolerance = 1e-9;

    /// <summary>One summary per (problem, tuner), sorted by problem then tuner (ordinal).</summary>
    /// <param name="records">The records of one or more runs.</param>
    /// <param name="fullBudget">The full budget of a problem by name, which converts spent budgets to full-budget
    /// equivalents; default: the largest budget in the problem's records (1 when they have none, as for
    /// single-fidelity problems, whose trials each spend 1).</param>
    public static IReadOnlyList<BenchmarkSummary> Summarize(IEnumerable<TrialRecord> records, Func<string, double>? fullBudget = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var all = records as IReadOnlyCollection<TrialRecord> ?? records.ToArray();
        var inferred = all.GroupBy(r => r.Problem).ToDictionary(g => g.Key, g => g.Max(r => r.Budget) ?? 1);
        fullBudget ??= problem => inferred[problem];
        return all
            .GroupBy(r => (r.Problem, r.Tuner))
            .OrderBy(g => g.Key.Problem, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Tuner, StringComparer.Ordinal)
            .Select(g => Summarize(g, fullBudget(g.Key.Problem)))
            .ToArray();
    }

    /// <summary>The regret of one run after it had spent <paramref name="fullBudgets"/> full budgets: that of its last
    /// trial whose cumulative spent budget did not exceed it. Null when the run did not spend that much; +∞ when it had
    /// no success by then.</summary>
    /// <param name="run">The records of one run, in any order.</param>
    /// <param name="fullBudget">The problem's full budget.</param>
    /// <param name="fullBudgets">The budget, in full budgets.</param>
    public static double? RegretAt(IEnumerable<TrialRecord> run, double fullBudget, double fullBudgets)
    {
        ArgumentNullException.ThrowIfNull(run);
        var ordered = run.OrderBy(r => r.Trial).ToArray();
        if (ordered.Length == 0) return null;
        var budget = fullBudgets * fullBudget;
        if (ordered[^1].SpentBudget < budget * (1 - Tolerance)) return null;
        var last = ordered.LastOrDefault(r => r.SpentBudget <= budget * (1 + Tolerance));
        return last?.Regret ?? double.PositiveInfinity;
    }

    private static BenchmarkSummary Summarize(IGrouping<(string Problem, string Tuner), TrialRecord> group, double fullBudget)
    {
        var bySeed = group.GroupBy(r => r.Seed).ToArray();
        // The last trial's regret is the run's final regret.
        var finals = bySeed
            .Select(seed => seed.MaxBy(r => r.Trial)!.Regret)
            .OfType<double>()
            .ToArray();
        var at = new Dictionary<int, double>();
        foreach (var k in Checkpoints)
        {
            var regrets = bySeed.Select(seed => RegretAt(seed, fullBudget, k)).ToArray();
            // A median over only the seeds that got that far would flatter the slow ones.
            at[k] = regrets.All(r => r is not null) ? Quantiles.Median(regrets.Select(r => r!.Value)) : double.NaN;
        }
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
            MedianFullBudgetsSpent = Quantiles.Median(bySeed.Select(seed => seed.MaxBy(r => r.Trial)!.SpentBudget / fullBudget)),
            MedianRegretAt = at,
        };
    }
}
