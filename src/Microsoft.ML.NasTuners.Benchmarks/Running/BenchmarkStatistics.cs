namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>Summaries of benchmark records.</summary>
public static class BenchmarkStatistics
{
    /// <summary>The spent budgets, in full-budget equivalents, at which <see cref="BenchmarkSummary.MedianRegretAt"/>
    /// reports the regret: 10, 25, 50 and 100.</summary>
    public static IReadOnlyList<int> Checkpoints { get; } = [10, 25, 50, 100];

    // Spent budgets are sums of doubles; a run that spent exactly K full budgets must count as having reached K.
    internal const double Tolerance = 1e-9;

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

    /// <summary>One summary per (problem, tuner), sorted by problem then tuner (ordinal), from the statistics of each
    /// run: the same summaries as <see cref="Summarize(IEnumerable{TrialRecord}, Func{string, double}?)"/> gives for
    /// the runs' records with each problem's <see cref="RunStatistics.FullBudget"/>, without the records.</summary>
    /// <param name="runs">One statistics per run, in any order.</param>
    /// <exception cref="ArgumentException">A run appears twice, or its trials were not consecutive.</exception>
    public static IReadOnlyList<BenchmarkSummary> Summarize(IEnumerable<RunStatistics> runs)
    {
        var all = RunStatisticsChecks.Distinct(runs, nameof(runs));
        return all
            .GroupBy(r => (r.Run.Problem, r.Run.Tuner))
            .OrderBy(g => g.Key.Problem, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Tuner, StringComparer.Ordinal)
            .Select(g => Summarize(g.Key, g.OrderBy(r => r.Run.Seed).ToArray()))
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
            MeanProposeMs = MeanProposeMs(bySeed),
            FailedTrials = group.Count(r => r.Status == TrialStatus.Failed),
            MedianFullBudgetsSpent = Quantiles.Median(bySeed.Select(seed => seed.MaxBy(r => r.Trial)!.SpentBudget / fullBudget)),
            MedianRegretAt = at,
        };
    }

    // Summed per run in trial order, then over runs by seed: the order a streaming summary can follow, so that both
    // summaries agree to the last bit.
    private static double MeanProposeMs(IEnumerable<IGrouping<int, TrialRecord>> bySeed)
    {
        var sum = 0.0;
        var count = 0L;
        foreach (var seed in bySeed.OrderBy(s => s.Key))
        {
            var seedSum = 0.0;
            foreach (var record in seed.OrderBy(r => r.Trial))
            {
                seedSum += record.ProposeMs;
                count++;
            }
            sum += seedSum;
        }
        return sum / count;
    }

    private static BenchmarkSummary Summarize((string Problem, string Tuner) key, IReadOnlyList<RunStatistics> bySeed)
    {
        var finals = bySeed.Select(r => r.FinalRegret).OfType<double>().ToArray();
        var at = new Dictionary<int, double>();
        foreach (var (k, i) in Checkpoints.Select((k, i) => (k, i)))
        {
            var regrets = bySeed.Select(r => r.RegretAtCheckpoints[i]).ToArray();
            // A median over only the seeds that got that far would flatter the slow ones.
            at[k] = regrets.All(r => r is not null) ? Quantiles.Median(regrets.Select(r => r!.Value)) : double.NaN;
        }
        var proposeMsSum = 0.0;
        var trials = 0L;
        foreach (var run in bySeed)
        {
            proposeMsSum += run.ProposeMsSum;
            trials += run.Trials;
        }
        return new BenchmarkSummary
        {
            Problem = key.Problem,
            Tuner = key.Tuner,
            Seeds = bySeed.Count,
            MedianRegret = finals.Length == 0 ? double.NaN : Quantiles.Of(finals, 0.5),
            Q25Regret = finals.Length == 0 ? double.NaN : Quantiles.Of(finals, 0.25),
            Q75Regret = finals.Length == 0 ? double.NaN : Quantiles.Of(finals, 0.75),
            MeanProposeMs = proposeMsSum / trials,
            FailedTrials = bySeed.Sum(r => r.FailedTrials),
            MedianFullBudgetsSpent = Quantiles.Median(bySeed.Select(r => r.FullBudgetsSpent)),
            MedianRegretAt = at,
        };
    }
}
