namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// What the summary (<see cref="BenchmarkStatistics.Summarize(IEnumerable{RunStatistics})"/>) and the ranking
/// (<see cref="BenchmarkRanking.Rank(IEnumerable{RunStatistics})"/>) need of one run, a few numbers whatever its
/// length, so that a long benchmark is summarised without holding its records. Built by
/// <see cref="RunStatisticsAccumulator"/>.
/// </summary>
public sealed record RunStatistics
{
    /// <summary>The run.</summary>
    public required BenchmarkRunId Run { get; init; }

    /// <summary>The problem's full budget (its maximum budget; 1 for a single-fidelity problem), which converts spent
    /// budgets to full-budget equivalents.</summary>
    public required double FullBudget { get; init; }

    /// <summary>The number of records.</summary>
    public int Trials { get; init; }

    /// <summary>True when the records came numbered 0, 1, 2, ... with none missing or repeated; the other values are
    /// meaningful only then.</summary>
    public bool TrialsAreConsecutive { get; init; }

    /// <summary>The last trial's regret; null when the run had no success.</summary>
    public double? FinalRegret { get; init; }

    /// <summary>The last trial's cumulative spent budget.</summary>
    public double SpentBudget { get; init; }

    /// <summary>The sum over the trials, in trial order, of the milliseconds the tuner took to propose.</summary>
    public double ProposeMsSum { get; init; }

    /// <summary>The number of failed trials.</summary>
    public int FailedTrials { get; init; }

    /// <summary>For each K of <see cref="BenchmarkStatistics.Checkpoints"/>, in that order, the regret after K full
    /// budgets as <see cref="BenchmarkStatistics.RegretAt"/> gives it: null when the run did not spend that much, +∞
    /// when it had no success by then.</summary>
    public required IReadOnlyList<double?> RegretAtCheckpoints { get; init; }

    /// <summary>The spent budget in full-budget equivalents.</summary>
    public double FullBudgetsSpent => SpentBudget / FullBudget;
}
