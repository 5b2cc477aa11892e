namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>What a run's settings tell a tuner before it starts, as an experiment tells its default tuner: how many
/// trials the run may take and how many run at once.</summary>
/// <param name="MaxTrials">The run's trial limit; null when a budget limit, not a trial count, ends it.</param>
/// <param name="DegreeOfParallelism">Simulated workers, at least 1.</param>
public sealed record RunShape(int? MaxTrials, int DegreeOfParallelism)
{
    /// <summary>One worker and no known trial limit: what a tuner built outside a run is told.</summary>
    public static RunShape Unknown { get; } = new(null, 1);
}
