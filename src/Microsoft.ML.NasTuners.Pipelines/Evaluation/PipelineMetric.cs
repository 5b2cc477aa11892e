namespace Microsoft.ML.NasTuners.Pipelines;

/// <summary>A metric a pipeline search may optimise. Its direction is known (<see cref="PipelineMetrics.IsMaximized"/>):
/// the search turns it into the loss it minimises and records both on each trial.</summary>
public enum PipelineMetric
{
    /// <summary>Area under the ROC curve (binary; maximised).</summary>
    Auc,

    /// <summary>Log-loss (binary and multiclass; minimised).</summary>
    LogLoss,

    /// <summary>Accuracy (binary; for multiclass the same as <see cref="MicroAccuracy"/>; maximised).</summary>
    Accuracy,

    /// <summary>F1 score of the positive class (binary; maximised).</summary>
    F1,

    /// <summary>Accuracy over all rows (multiclass; maximised).</summary>
    MicroAccuracy,

    /// <summary>Mean of the per-class accuracies (multiclass; maximised).</summary>
    MacroAccuracy,

    /// <summary>Root mean squared error (regression; minimised).</summary>
    Rmse,

    /// <summary>Mean absolute error (regression; minimised).</summary>
    Mae,

    /// <summary>Coefficient of determination (regression; maximised).</summary>
    RSquared,
}
