namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>How one tuner did on one problem, over seeds. Regret quantiles are over the seeds' final regrets (the
/// incumbent's full-fidelity loss after the last trial, minus f*, see <see cref="TrialRecord.Regret"/>); they are NaN
/// when no seed had a successful trial.</summary>
public sealed record BenchmarkSummary
{
    /// <summary>The problem.</summary>
    public required string Problem { get; init; }

    /// <summary>The tuner.</summary>
    public required string Tuner { get; init; }

    /// <summary>The number of seeds (runs).</summary>
    public int Seeds { get; init; }

    /// <summary>The median final regret.</summary>
    public double MedianRegret { get; init; }

    /// <summary>The 25% quantile of final regret.</summary>
    public double Q25Regret { get; init; }

    /// <summary>The 75% quantile of final regret.</summary>
    public double Q75Regret { get; init; }

    /// <summary>The mean time to propose a trial, in milliseconds, over all trials of all seeds.</summary>
    public double MeanProposeMs { get; init; }

    /// <summary>The number of failed trials over all seeds.</summary>
    public int FailedTrials { get; init; }

    /// <summary>The median over seeds of the budget a run spent, in full-budget equivalents.</summary>
    public double MedianFullBudgetsSpent { get; init; }

    /// <summary>The median over seeds of the regret after K full-budget equivalents, for each K of
    /// <see cref="BenchmarkStatistics.Checkpoints"/> (10, 25, 50, 100); NaN when some seed did not spend that much,
    /// +∞ when over half the seeds had no success by then.</summary>
    public IReadOnlyDictionary<int, double> MedianRegretAt { get; init; } = new Dictionary<int, double>();
}
