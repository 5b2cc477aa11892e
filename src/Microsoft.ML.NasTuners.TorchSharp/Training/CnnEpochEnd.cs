namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>Where training stands after one epoch: what <see cref="CnnTrainer.Train"/> hands its epoch observer.</summary>
/// <param name="Epoch">The epochs completed in total (including those of a checkpoint training continued from).</param>
/// <param name="ValidationLoss">Mean cross-entropy (without label smoothing) on the validation set after the epoch.</param>
/// <param name="ValidationAccuracy">Fraction of validation images classified correctly after the epoch.</param>
/// <param name="TrainingLoss">Mean training loss (with label smoothing) over the epoch.</param>
public readonly record struct CnnEpochEnd(int Epoch, double ValidationLoss, double ValidationAccuracy, double TrainingLoss);
