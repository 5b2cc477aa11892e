namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>How far a benchmark has come. With a budget limit, "trials" are full-budget equivalents.</summary>
/// <param name="CompletedTrials">Trials (or full-budget equivalents) finished, over all runs.</param>
/// <param name="TotalTrials">Trials (or full-budget equivalents) planned, over all runs.</param>
/// <param name="CompletedRuns">Runs (problem, tuner, seed) finished.</param>
/// <param name="TotalRuns">Runs planned.</param>
public readonly record struct BenchmarkProgress(long CompletedTrials, long TotalTrials, int CompletedRuns, int TotalRuns)
{
    /// <summary>Runs started and not yet finished when the report was made.</summary>
    public int RunningRuns { get; init; }

    /// <summary>The run whose trial this report follows, and its best so far; null on a report that a run finished.</summary>
    public RunStanding? Latest { get; init; }
}
