namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>What a training run produced.</summary>
public sealed class CnnTrainingResult
{
    /// <summary>Mean cross-entropy (without label smoothing) on the validation set; NaN without a validation set or
    /// when training diverged.</summary>
    public double ValidationLoss { get; init; } = double.NaN;

    /// <summary>Fraction of validation images classified correctly; NaN without a validation set or when training
    /// diverged.</summary>
    public double ValidationAccuracy { get; init; } = double.NaN;

    /// <summary>Mean training loss (with label smoothing) over the last epoch run.</summary>
    public double TrainingLoss { get; init; } = double.NaN;

    /// <summary>The epochs completed in total (including those of the checkpoint training continued from).</summary>
    public int Epochs { get; init; }

    /// <summary>True when the epoch observer stopped training before the epochs asked for (a pruned trial);
    /// <see cref="Epochs"/> says where.</summary>
    public bool Stopped { get; init; }

    /// <summary>True when a training loss became NaN or infinite; training stopped there.</summary>
    public bool Diverged { get; init; }

    /// <summary>The state after the last epoch, to continue training or to make the network; null when training diverged.</summary>
    public CnnCheckpoint? Checkpoint { get; init; }

    /// <summary>Wall-clock duration of this run.</summary>
    public TimeSpan Duration { get; init; }
}
