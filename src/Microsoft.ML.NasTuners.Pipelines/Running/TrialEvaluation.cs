using Microsoft.ML.NasTuners.Pipelines.Ensembles;

namespace Microsoft.ML.NasTuners.Pipelines.Running;

/// <summary>What validating one pipeline gives: the mean of each metric over folds and, for a trial at the full
/// budget, its out-of-fold predictions (null at a lower budget, whose models an ensemble would not use).</summary>
internal sealed record TrialEvaluation(IReadOnlyDictionary<PipelineMetric, double> Metrics, OutOfFoldPredictions? Predictions);
