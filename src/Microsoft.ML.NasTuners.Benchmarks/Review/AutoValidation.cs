namespace Microsoft.ML.NasTuners.Benchmarks.Review;

/// <summary>
/// How <c>auto</c> meets issue 16's targets in a review: in every condition a mean rank of at most
/// <see cref="MaxMeanRank"/> at every budget, never a median regret worse than random's on any problem, and across
/// the conditions a mean rank no other tuner beats. Only seeds that did not choose its rules
/// (<see cref="RuleSeeds"/>) validate it; on those seeds the numbers are in-sample.
/// </summary>
public static class AutoValidation
{
    /// <summary>The bench name of the automatic tuner.</summary>
    public const string Tuner = "auto";

    /// <summary>The baseline it must never lose to.</summary>
    public const string Baseline = "random";

    /// <summary>The worst mean rank the issue allows in any condition.</summary>
    public const double MaxMeanRank = 2;

    /// <summary>The seeds whose review tables chose auto's rules (docs/tuners/auto.md): the committed review's 1-10.</summary>
    public static IReadOnlyList<int> RuleSeeds { get; } = Enumerable.Range(1, 10).ToArray();

    /// <summary>auto's record in each condition it ran in, and the comparison across them; null when it ran nowhere.</summary>
    public static AutoValidationResult? Of(IReadOnlyList<(ConditionResults Results, IReadOnlyList<BudgetAnalysis> Analyses)> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var rows = conditions.Where(c => c.Results.Tuners.Contains(Tuner)).Select(c => RowOf(c.Results, c.Analyses)).ToArray();
        if (rows.Length == 0) return null;

        var seeds = conditions.SelectMany(c => c.Results.Runs.Keys.Where(r => r.Tuner == Tuner).Select(r => r.Seed)).Distinct().Order().ToArray();
        // Each rival against auto on the conditions both were ranked in, at each condition's largest budget, so a
        // tuner that skips a hard condition is not flattered by it.
        var finalRanks = conditions.ToDictionary(c => c.Results.Condition.Name,
            c => c.Analyses[^1].Standings.ToDictionary(s => s.Tuner, s => s.MeanRank));
        var rivals = finalRanks.Values.SelectMany(r => r.Keys).Where(t => t != Tuner).Distinct().Order(StringComparer.Ordinal)
            .Select(rival =>
            {
                var shared = finalRanks.Where(c => c.Value.ContainsKey(Tuner) && c.Value.ContainsKey(rival)).Select(c => c.Value).ToArray();
                return shared.Length == 0
                    ? null
                    : new AutoRival(rival, shared.Length, shared.Average(r => r[Tuner]), shared.Average(r => r[rival]));
            })
            .OfType<AutoRival>()
            .ToArray();
        return new AutoValidationResult(seeds, seeds.Any(RuleSeeds.Contains), rows, rivals);
    }

    private static AutoConditionRow RowOf(ConditionResults results, IReadOnlyList<BudgetAnalysis> analyses)
    {
        var ranks = analyses.Select(a => (a.Budget, Rank: a.Standings.FirstOrDefault(s => s.Tuner == Tuner)?.MeanRank, Of: a.Standings.Count)).ToArray();
        var worse = (from a in analyses
                     from problem in results.Problems
                     let auto = a.Regrets.FirstOrDefault(r => r.Problem == problem && r.Tuner == Tuner)
                     let random = a.Regrets.FirstOrDefault(r => r.Problem == problem && r.Tuner == Baseline)
                     where auto is not null && random is not null && auto.Median > random.Median
                     select new AutoLoss(problem, a.Budget, auto.Median, random.Median)).ToArray();
        var final = analyses[^1];
        return new AutoConditionRow(results.Condition.Name, ranks.Select(r => new AutoRank(r.Budget, r.Rank, r.Of)).ToArray(),
            final.Best, worse, results.Tuners.Contains(Baseline));
    }
}

/// <summary>auto's validation over a review.</summary>
/// <param name="Seeds">The seeds auto ran with.</param>
/// <param name="InSample">True when some of them chose its rules (<see cref="AutoValidation.RuleSeeds"/>).</param>
/// <param name="Conditions">One row per condition auto ran in.</param>
/// <param name="Rivals">Every other ranked tuner against auto over the conditions both were ranked in.</param>
public sealed record AutoValidationResult(IReadOnlyList<int> Seeds, bool InSample, IReadOnlyList<AutoConditionRow> Conditions, IReadOnlyList<AutoRival> Rivals)
{
    /// <summary>True when auto's mean rank is at most <see cref="AutoValidation.MaxMeanRank"/> at every budget of every
    /// condition.</summary>
    public bool RankTargetMet => Conditions.All(c => c.RankTargetMet);

    /// <summary>True when no problem at any budget has auto's median regret above random's.</summary>
    public bool NeverWorseThanRandom => Conditions.All(c => c.LossesToRandom.Count == 0);

    /// <summary>True when no rival has a better mean rank than auto over the conditions they share.</summary>
    public bool BestOverall => Rivals.All(r => r.AutoMeanRank <= r.RivalMeanRank);
}

/// <summary>auto in one condition.</summary>
/// <param name="Condition">The condition's name.</param>
/// <param name="Ranks">Its mean rank at each budget (null where it was not ranked), with the number of ranked tuners.</param>
/// <param name="Winner">The best tuner at the largest budget.</param>
/// <param name="LossesToRandom">The (problem, budget) pairs where its median regret is above random's.</param>
/// <param name="HasBaseline">False when random did not run here, so the comparison with it is empty.</param>
public sealed record AutoConditionRow(string Condition, IReadOnlyList<AutoRank> Ranks, string? Winner, IReadOnlyList<AutoLoss> LossesToRandom, bool HasBaseline)
{
    /// <summary>True when auto is ranked at every budget with a mean rank of at most <see cref="AutoValidation.MaxMeanRank"/>.</summary>
    public bool RankTargetMet => Ranks.All(r => r.MeanRank is { } m && m <= AutoValidation.MaxMeanRank);
}

/// <summary>auto's mean rank after one budget, among <paramref name="Ranked"/> tuners; null when it was not ranked.</summary>
public sealed record AutoRank(int Budget, double? MeanRank, int Ranked);

/// <summary>A problem and budget where auto's median regret is above random's.</summary>
public sealed record AutoLoss(string Problem, int Budget, double AutoMedian, double RandomMedian);

/// <summary>A rival's mean rank and auto's, each averaged over the <paramref name="Conditions"/> conditions both were
/// ranked in at the largest budget.</summary>
public sealed record AutoRival(string Tuner, int Conditions, double AutoMeanRank, double RivalMeanRank);
