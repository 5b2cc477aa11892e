using Microsoft.ML.NasTuners.Pipelines.Ensembles;

namespace Microsoft.ML.NasTuners.Pipelines.Running;

/// <summary>What validating one pipeline gives: the mean of each metric over folds, each fold's metrics (one for a
/// holdout) and, when asked for, its out-of-fold predictions.</summary>
internal sealed record TrialEvaluation(IReadOnlyDictionary<PipelineMetric, double> Metrics,
    IReadOnlyList<IReadOnlyDictionary<PipelineMetric, double>> FoldMetrics, OutOfFoldPredictions? Predictions);
