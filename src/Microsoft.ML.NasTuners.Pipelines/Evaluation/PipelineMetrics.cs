namespace Microsoft.ML.NasTuners.Pipelines;

/// <summary>What each metric means to the search: its direction, the loss it becomes, the tasks it applies to and
/// each task's default (AUC for binary, micro-accuracy for multiclass, R² for regression, as ML.NET AutoML's
/// experiments default to accuracy-like scores; AUC for binary because it does not depend on a threshold).</summary>
public static class PipelineMetrics
{
    /// <summary>True when higher is better.</summary>
    public static bool IsMaximized(this PipelineMetric metric) =>
        metric is PipelineMetric.Auc or PipelineMetric.Accuracy or PipelineMetric.F1 or PipelineMetric.MicroAccuracy
            or PipelineMetric.MacroAccuracy or PipelineMetric.RSquared;

    /// <summary>The loss the tuner minimises: the metric itself when it is minimised; 1 − metric for the scores
    /// whose best value is 1 (AUC, accuracies, F1, R²), so a loss of 0 is perfect.</summary>
    public static double ToLoss(this PipelineMetric metric, double value) => metric.IsMaximized() ? 1 - value : value;

    /// <summary>The metrics that apply to <paramref name="task"/>.</summary>
    public static IReadOnlyList<PipelineMetric> For(PipelineTask task) => task switch
    {
        PipelineTask.BinaryClassification => [PipelineMetric.Auc, PipelineMetric.LogLoss, PipelineMetric.Accuracy, PipelineMetric.F1],
        PipelineTask.MulticlassClassification => [PipelineMetric.MicroAccuracy, PipelineMetric.MacroAccuracy, PipelineMetric.LogLoss, PipelineMetric.Accuracy],
        _ => [PipelineMetric.RSquared, PipelineMetric.Rmse, PipelineMetric.Mae],
    };

    /// <summary>The metric optimised when none is set.</summary>
    public static PipelineMetric DefaultFor(PipelineTask task) => For(task)[0];
}
