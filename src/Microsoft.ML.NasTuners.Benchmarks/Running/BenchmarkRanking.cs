namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>Ranks tuners over the problems and seeds of a benchmark, so that one table says which did best overall.</summary>
/// <remarks>Ranks are taken per (problem, seed), not per problem's median: every seed is a paired comparison on the
/// same problem, which separates tuners with fewer problems than medians need. Regrets are compared as they are, so
/// problems of very different scales weigh alike.</remarks>
public static class BenchmarkRanking
{
    /// <summary>The name of random search, the baseline every other tuner is compared with.</summary>
    public const string Baseline = "random";

    /// <summary>One rank per tuner, best mean rank first (ties by name).</summary>
    /// <param name="records">The records of the runs.</param>
    public static IReadOnlyList<TunerRank> Rank(IEnumerable<TrialRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return Rank(records
            .GroupBy(r => (r.Problem, r.Tuner, r.Seed))
            .Select(run => (run.Key.Problem, run.Key.Tuner, run.Key.Seed, run.MaxBy(r => r.Trial)!.Regret))
            .ToArray());
    }

    /// <summary>One rank per tuner, best mean rank first (ties by name), from the statistics of each run: the same
    /// ranks as <see cref="Rank(IEnumerable{TrialRecord})"/> gives for the runs' records, without the records.</summary>
    /// <param name="runs">One statistics per run, in any order.</param>
    /// <exception cref="ArgumentException">A run appears twice, or its trials were not consecutive.</exception>
    public static IReadOnlyList<TunerRank> Rank(IEnumerable<RunStatistics> runs) =>
        Rank(RunStatisticsChecks.Distinct(runs, nameof(runs))
            .Select(r => (r.Run.Problem, r.Run.Tuner, r.Run.Seed, r.FinalRegret))
            .ToArray());

    private static IReadOnlyList<TunerRank> Rank(IReadOnlyList<(string Problem, string Tuner, int Seed, double? FinalRegret)> runs)
    {
        // A run that never succeeded ranks last.
        var finals = runs.Select(r => (r.Problem, r.Tuner, r.Seed, Regret: r.FinalRegret ?? double.PositiveInfinity)).ToArray();
        var ranks = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var cell in finals.GroupBy(f => (f.Problem, f.Seed)))
        {
            var entries = cell.ToArray();
            var cellRanks = TiedRanks.Of(entries.Select(f => f.Regret).ToArray());
            for (var k = 0; k < entries.Length; k++)
            {
                if (!ranks.TryGetValue(entries[k].Tuner, out var list)) ranks[entries[k].Tuner] = list = [];
                list.Add(cellRanks[k]);
            }
        }
        var medians = finals
            .GroupBy(f => (f.Problem, f.Tuner))
            .ToDictionary(g => g.Key, g => Quantiles.Median(g.Select(f => f.Regret)));
        var problems = finals.Select(f => f.Problem).Distinct().ToArray();
        var hasBaseline = finals.Any(f => f.Tuner == Baseline);
        return ranks
            .Select(pair =>
            {
                int? better = null, worse = null;
                if (hasBaseline)
                {
                    var compared = problems.Where(p => medians.ContainsKey((p, pair.Key)) && medians.ContainsKey((p, Baseline))).ToArray();
                    better = compared.Count(p => medians[(p, pair.Key)] < medians[(p, Baseline)]);
                    worse = compared.Count(p => medians[(p, pair.Key)] > medians[(p, Baseline)]);
                }
                return new TunerRank(pair.Key, pair.Value.Average(), pair.Value.Count, better, worse);
            })
            .OrderBy(r => r.MeanRank)
            .ThenBy(r => r.Tuner, StringComparer.Ordinal)
            .ToArray();
    }
}
