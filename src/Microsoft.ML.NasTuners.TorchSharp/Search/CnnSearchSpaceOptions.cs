namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>Bounds of the CNN architecture search space built by <see cref="CnnSearchSpace.Create"/>.</summary>
public sealed class CnnSearchSpaceOptions
{
    /// <summary>The fewest stages, 1-4. Default 1.</summary>
    public int MinStages { get; set; } = 1;

    /// <summary>The most stages, MinStages-4. Default 4.</summary>
    public int MaxStages { get; set; } = 4;

    /// <summary>The most blocks per stage (the fewest is 1), 1-3. Default 3.</summary>
    public int MaxBlocksPerStage { get; set; } = 3;

    /// <summary>The narrowest stage, &gt;= 1. Default 8.</summary>
    public int MinChannels { get; set; } = 8;

    /// <summary>The widest stage, &gt;= MinChannels. Default 256.</summary>
    public int MaxChannels { get; set; } = 256;

    /// <summary>Whether the space also holds the training parameters (optimizer, learning rate, weight decay, batch
    /// size, label smoothing); when false they take <see cref="CnnTrainingSettings"/>' defaults. Default true.</summary>
    public bool IncludeTrainingParameters { get; set; } = true;

    internal void Validate()
    {
        if (MinStages is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(MinStages), MinStages, "MinStages must lie in [1, 4].");
        if (MaxStages < MinStages || MaxStages > 4) throw new ArgumentOutOfRangeException(nameof(MaxStages), MaxStages, $"MaxStages must lie in [{MinStages}, 4].");
        if (MaxBlocksPerStage is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(MaxBlocksPerStage), MaxBlocksPerStage, "MaxBlocksPerStage must lie in [1, 3].");
        if (MinChannels < 1) throw new ArgumentOutOfRangeException(nameof(MinChannels), MinChannels, "MinChannels must be at least 1.");
        if (MaxChannels < MinChannels) throw new ArgumentOutOfRangeException(nameof(MaxChannels), MaxChannels, $"MaxChannels must be at least MinChannels ({MinChannels}).");
    }
}
