namespace Microsoft.ML.NasTuners.Benchmarks.Review;

/// <summary>How the tuners of one condition compare after one budget: per problem the regret quantiles, and over
/// every (problem, seed) cell the ranks and their tests.</summary>
public sealed record BudgetAnalysis
{
    /// <summary>The budget, in the condition's unit.</summary>
    public required int Budget { get; init; }

    /// <summary>Median and quartiles of regret per (problem, tuner) over seeds.</summary>
    public required IReadOnlyList<RegretQuantiles> Regrets { get; init; }

    /// <summary>The ranked tuners, best mean rank first.</summary>
    public required IReadOnlyList<TunerStanding> Standings { get; init; }

    /// <summary>The Friedman test over the cells; null with fewer than two cells or tuners.</summary>
    public FriedmanResult? Friedman { get; init; }

    /// <summary>The number of (problem, seed) cells the ranks are over.</summary>
    public int Cells { get; init; }

    /// <summary>Tuners with results that were left out of the ranks because some cell lacks them.</summary>
    public IReadOnlyList<string> Unranked { get; init; } = [];

    /// <summary>Each unranked tuner's mean rank among the ranked ones on the cells it does have (an imported framework
    /// that ran only some problems, for one); none for a tuner that shares no cell with them.</summary>
    public IReadOnlyList<PartialStanding> Partial { get; init; } = [];

    /// <summary>The tuner with the best mean rank; null when nothing was ranked.</summary>
    public string? Best => Standings.Count > 0 ? Standings[0].Tuner : null;
}

/// <summary>A tuner's mean rank among the ranked tuners over the <paramref name="Cells"/> cells it ran (ranks 1 to
/// ranked + 1).</summary>
public sealed record PartialStanding(string Tuner, double MeanRank, int Cells);

/// <summary>The regret of one tuner on one problem after a budget, over seeds: +∞ stands for "no success yet".</summary>
public sealed record RegretQuantiles(string Problem, string Tuner, int Seeds, double Median, double Q25, double Q75);

/// <summary>One tuner's standing in a condition after a budget.</summary>
/// <param name="Tuner">The tuner.</param>
/// <param name="MeanRank">Its mean rank over the cells (1 is best, ties share mid-ranks).</param>
/// <param name="RankLower">The lower end of the bootstrap 95 % interval of the mean rank.</param>
/// <param name="RankUpper">The upper end.</param>
/// <param name="VersusBest">The Wilcoxon signed-rank test against the best tuner; null for the best itself.</param>
/// <param name="HolmP">That test's p-value after Holm's correction over the tuners compared; null for the best.</param>
public sealed record TunerStanding(string Tuner, double MeanRank, double RankLower, double RankUpper, WilcoxonResult? VersusBest, double? HolmP)
{
    /// <summary>True when the tuner is the best or not significantly worse than it at the 5 % level after Holm.</summary>
    public bool TiesWithBest => HolmP is not { } p || p >= 0.05;
}
