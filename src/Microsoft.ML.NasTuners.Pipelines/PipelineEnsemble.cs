namespace Microsoft.ML.NasTuners.Pipelines;

/// <summary>The ensemble a search returned as its model (<see cref="PipelineResult.Ensemble"/>): which trials are its
/// members, what combines them, and how it validated.</summary>
public sealed record PipelineEnsemble
{
    internal PipelineEnsemble() { }

    /// <summary>The members' trials, best first: the best trial of each of the best trainers.</summary>
    public required IReadOnlyList<PipelineTrial> Members { get; init; }

    /// <summary>What learned how to weigh the members' predictions: an ML.NET L-BFGS trainer with non-negative weights
    /// (classification) or non-negative least squares (regression).</summary>
    public required string Combiner { get; init; }

    /// <summary>The ensemble's validation metrics: the combiner cross-validated on the members' out-of-fold predictions.</summary>
    public required IReadOnlyDictionary<PipelineMetric, double> ValidationMetrics { get; init; }
}
