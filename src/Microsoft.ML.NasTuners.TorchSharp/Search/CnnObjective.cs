namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>What a CNN trial reports as its loss (the metric is always validation accuracy).</summary>
public enum CnnObjective
{
    /// <summary>Validation cross-entropy (without label smoothing).</summary>
    ValidationLoss,

    /// <summary>Validation error, 1 - accuracy.</summary>
    ValidationError,
}
