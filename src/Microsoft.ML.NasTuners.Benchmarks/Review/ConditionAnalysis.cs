namespace Microsoft.ML.NasTuners.Benchmarks.Review;

/// <summary>
/// The statistics of one condition at each of its budgets. Ranks are taken per (problem, seed) cell, as
/// <see cref="BenchmarkRanking"/> takes them, over the tuners that have a value in every cell; the Friedman test asks
/// whether any tuner differs, and each tuner is compared with the best by a Wilcoxon signed-rank test on the paired
/// differences of log10 regret (a ratio, so problems of different scales weigh alike), Holm-corrected.
/// </summary>
public static class ConditionAnalysis
{
    // Regrets of exactly zero (the optimum found) still have a logarithm.
    private const double RegretFloor = 1e-12;

    /// <summary>The seed of the bootstrap intervals, fixed so that a report reproduces.</summary>
    public const int BootstrapSeed = 16;

    /// <summary>The analysis at every budget of the condition, in its order.</summary>
    public static IReadOnlyList<BudgetAnalysis> Analyse(ConditionResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Condition.Budgets.Select(b => At(results, b)).ToArray();
    }

    /// <summary>The analysis after <paramref name="budget"/>.</summary>
    public static BudgetAnalysis At(ConditionResults results, int budget)
    {
        ArgumentNullException.ThrowIfNull(results);
        var tuners = results.Tuners;
        var values = results.Runs.Keys
            .Select(run => (run, Regret: results.RegretAt(run, budget)))
            .Where(v => v.Regret is not null)
            .ToDictionary(v => v.run, v => v.Regret!.Value);

        var regrets = (from problem in results.Problems
                       from tuner in tuners
                       let seeds = values.Where(v => v.Key.Problem == problem && v.Key.Tuner == tuner).Select(v => v.Value).ToArray()
                       where seeds.Length > 0
                       select new RegretQuantiles(problem, tuner, seeds.Length,
                           Quantiles.Median(seeds), Quantiles.Of(seeds, 0.25), Quantiles.Of(seeds, 0.75))).ToArray();

        // The cells every ranked tuner reached: the tuners present in the most cells, over the cells they all share.
        var cellsOf = tuners.ToDictionary(t => t, t => values.Keys.Where(r => r.Tuner == t).Select(r => (r.Problem, r.Seed)).ToHashSet());
        var most = cellsOf.Values.Select(c => c.Count).DefaultIfEmpty(0).Max();
        var ranked = tuners.Where(t => most > 0 && cellsOf[t].Count == most).ToArray();
        var cells = ranked.Length == 0
            ? []
            : ranked.Skip(1).Aggregate(new HashSet<(string, int)>(cellsOf[ranked[0]]), (shared, t) => { shared.IntersectWith(cellsOf[t]); return shared; })
                .OrderBy(c => c.Item1, StringComparer.Ordinal).ThenBy(c => c.Item2).ToArray();
        var unranked = tuners.Except(ranked).ToArray();
        if (cells.Length == 0 || ranked.Length == 0)
            return new BudgetAnalysis { Budget = budget, Regrets = regrets, Standings = [], Unranked = tuners };

        var blocks = cells.Select(c => (IReadOnlyList<double>)ranked.Select(t => values[new BenchmarkRunId(c.Item1, t, c.Item2)]).ToArray()).ToArray();
        var ranks = blocks.Select(TiedRanks.Of).ToArray();
        var meanRanks = Enumerable.Range(0, ranked.Length).Select(j => ranks.Average(r => r[j])).ToArray();
        var order = Enumerable.Range(0, ranked.Length).OrderBy(j => meanRanks[j]).ThenBy(j => ranked[j], StringComparer.Ordinal).ToArray();
        var best = order[0];

        var tests = order.Skip(1).Select(j => WilcoxonSignedRankTest.Test(blocks.Select(b => LogRatio(b[j], b[best])).ToArray())).ToArray();
        var holm = HolmCorrection.Adjust(tests.Select(t => t.PValue).ToArray());
        var standings = order.Select((j, position) =>
        {
            var (lower, upper) = BootstrapInterval.Of(cells.Length, sample => sample.Average(i => ranks[i][j]), BootstrapSeed);
            return position == 0
                ? new TunerStanding(ranked[j], meanRanks[j], lower, upper, null, null)
                : new TunerStanding(ranked[j], meanRanks[j], lower, upper, tests[position - 1], holm[position - 1]);
        }).ToArray();

        var partial = unranked
            .Select(t => (Tuner: t, Shared: cells.Where(c => cellsOf[t].Contains(c)).ToArray()))
            .Where(p => p.Shared.Length > 0)
            .Select(p => new PartialStanding(p.Tuner, p.Shared.Average(c =>
                TiedRanks.Of([values[new BenchmarkRunId(c.Item1, p.Tuner, c.Item2)], .. ranked.Select(r => values[new BenchmarkRunId(c.Item1, r, c.Item2)])])[0]),
                p.Shared.Length))
            .ToArray();

        return new BudgetAnalysis
        {
            Budget = budget,
            Regrets = regrets,
            Standings = standings,
            Partial = partial,
            Friedman = cells.Length >= 2 && ranked.Length >= 2 ? FriedmanTest.Test(blocks) : null,
            Cells = cells.Length,
            Unranked = unranked,
        };
    }

    // log10 of the ratio of two regrets; a run with no success (+∞) is worse than any with one, and two such are alike.
    // A regret below 0 (better than the problem's f*, which is only an estimate on yahpo_lcbench) counts as 0, as
    // the plots floor it.
    private static double LogRatio(double regret, double bestRegret)
    {
        if (double.IsPositiveInfinity(regret) && double.IsPositiveInfinity(bestRegret)) return 0;
        return Math.Log10(Math.Max(regret, 0) + RegretFloor) - Math.Log10(Math.Max(bestRegret, 0) + RegretFloor);
    }
}
