using Microsoft.ML.NasTuners.Pipelines.Ensembles;
using Microsoft.ML.NasTuners.Pipelines.Evaluation;

namespace Microsoft.ML.NasTuners.Pipelines.Running;

/// <summary>What validating one pipeline gives: each fold's metrics (one for a holdout), their mean and, when asked
/// for, its out-of-fold predictions.</summary>
internal sealed record TrialEvaluation(IReadOnlyList<IReadOnlyDictionary<PipelineMetric, double>> FoldMetrics, OutOfFoldPredictions? Predictions)
{
    /// <summary>The mean of each metric over folds.</summary>
    public IReadOnlyDictionary<PipelineMetric, double> Metrics { get; } = MetricEvaluator.Mean(FoldMetrics);
}
