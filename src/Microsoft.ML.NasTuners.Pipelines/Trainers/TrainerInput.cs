namespace Microsoft.ML.NasTuners.Pipelines.Trainers;

/// <summary>What a trainer factory is told about the trial: the columns to read and, for a low-fidelity trial, the
/// fraction of its full number of boosting iterations to train.</summary>
/// <param name="LabelColumnName">The label column (a Boolean, a key or a number, by task).</param>
/// <param name="FeatureColumnName">The features vector.</param>
/// <param name="IterationFraction">In (0, 1]: 1 at the full budget; a boosted-tree factory multiplies its number of
/// iterations by it (<see cref="ScaleIterations"/>).</param>
public sealed record TrainerInput(string LabelColumnName, string FeatureColumnName, double IterationFraction = 1)
{
    /// <summary>The fewest iterations a low-fidelity trial trains, so that it still says something.</summary>
    public const int MinIterations = 4;

    /// <summary><paramref name="fullIterations"/> scaled by <see cref="IterationFraction"/>, at least
    /// <see cref="MinIterations"/> (or <paramref name="fullIterations"/> when that is smaller).</summary>
    public int ScaleIterations(int fullIterations) =>
        Math.Min(fullIterations, Math.Max(MinIterations, (int)Math.Round(fullIterations * IterationFraction)));
}
