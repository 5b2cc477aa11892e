namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>One stage of a CNN: <see cref="Blocks"/> blocks of one type at one width, after an optional
/// downsampling step.</summary>
/// <param name="Blocks">Number of blocks, at least 1 (the search space uses 1-3).</param>
/// <param name="Channels">Output channels of every block, at least 1 (the search space uses 8-256, log-scaled).</param>
/// <param name="KernelSize">Convolution kernel side, odd (the search space uses 3 or 5).</param>
/// <param name="BlockType">The block kind.</param>
/// <param name="Activation">The non-linearity.</param>
/// <param name="BatchNorm">Batch normalisation after each convolution (convolutions then have no bias).</param>
/// <param name="Downsampling">How the stage halves the spatial size at its start (see <see cref="CnnDownsampling"/>
/// for the clamp at 1x1).</param>
public sealed record CnnStage(
    int Blocks,
    int Channels,
    int KernelSize = 3,
    CnnBlockType BlockType = CnnBlockType.Plain,
    CnnActivation Activation = CnnActivation.ReLU,
    bool BatchNorm = true,
    CnnDownsampling Downsampling = CnnDownsampling.None)
{
    internal void Validate(int index)
    {
        if (Blocks < 1) throw new ArgumentOutOfRangeException(nameof(Blocks), Blocks, $"Stage {index + 1}: Blocks must be at least 1.");
        if (Channels < 1) throw new ArgumentOutOfRangeException(nameof(Channels), Channels, $"Stage {index + 1}: Channels must be at least 1.");
        if (KernelSize < 1 || KernelSize % 2 == 0)
            throw new ArgumentOutOfRangeException(nameof(KernelSize), KernelSize, $"Stage {index + 1}: KernelSize must be a positive odd number (3 or 5 in the search space).");
        if (!Enum.IsDefined(BlockType)) throw new ArgumentOutOfRangeException(nameof(BlockType), BlockType, $"Stage {index + 1}: unknown block type.");
        if (!Enum.IsDefined(Activation)) throw new ArgumentOutOfRangeException(nameof(Activation), Activation, $"Stage {index + 1}: unknown activation.");
        if (!Enum.IsDefined(Downsampling)) throw new ArgumentOutOfRangeException(nameof(Downsampling), Downsampling, $"Stage {index + 1}: unknown downsampling.");
    }
}
