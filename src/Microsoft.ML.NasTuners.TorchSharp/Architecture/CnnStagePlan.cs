namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>What a stage does to the spatial size for a given input: whether its downsampling is applied (it is
/// skipped once a side is 1, so no image shrinks below 1x1) and the size it outputs.</summary>
/// <param name="Downsampling">The downsampling actually applied (<see cref="CnnDownsampling.None"/> when skipped).</param>
/// <param name="Height">Output height.</param>
/// <param name="Width">Output width.</param>
public sealed record CnnStagePlan(CnnDownsampling Downsampling, int Height, int Width);
