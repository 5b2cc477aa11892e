namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>How a stage halves the spatial size at its start.</summary>
/// <remarks>A stage downsamples only while both spatial sides are at least 2; otherwise the step is skipped and the
/// stage keeps the size, so that no architecture shrinks an image below 1x1. Sides round up: 7 becomes 4.</remarks>
public enum CnnDownsampling
{
    /// <summary>Keep the spatial size (the search space uses this for the first stage only).</summary>
    None,

    /// <summary>A 2x2 max-pool with stride 2 before the stage's first block.</summary>
    MaxPool,

    /// <summary>Stride 2 in the first convolution (and the shortcut) of the stage's first block.</summary>
    Stride2,
}
