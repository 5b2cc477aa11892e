namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>Settings of <see cref="CnnTrainer"/> that are not searched.</summary>
public sealed class CnnTrainerOptions
{
    /// <summary>Seed of the weights, the shuffling and dropout. Default 0.</summary>
    public long Seed { get; set; }

    /// <summary>The most threads torch may use while training; null (the default) leaves torch's own setting (all
    /// cores). The limit is process-wide in torch: it is set for the run and restored afterwards.</summary>
    public int? MaxThreads { get; set; }

    /// <summary>The batch size for evaluation, &gt;= 1. Default 256.</summary>
    public int EvaluationBatchSize { get; set; } = 256;

    internal void Validate()
    {
        if (MaxThreads is < 1) throw new ArgumentOutOfRangeException(nameof(MaxThreads), MaxThreads, "MaxThreads must be at least 1 (or null for all cores).");
        if (EvaluationBatchSize < 1) throw new ArgumentOutOfRangeException(nameof(EvaluationBatchSize), EvaluationBatchSize, "EvaluationBatchSize must be at least 1.");
    }
}
