namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>The shape of one input image: channels, height and width (the flat feature vector is laid out
/// channel-major, then row-major: index = (c * Height + y) * Width + x).</summary>
/// <param name="Channels">Number of channels (1 for grey levels).</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Width">Width in pixels.</param>
public sealed record CnnInputShape(int Channels, int Height, int Width)
{
    /// <summary>The length of the flat feature vector of one image.</summary>
    public int FeatureLength => checked(Channels * Height * Width);

    internal void Validate()
    {
        if (Channels < 1) throw new ArgumentOutOfRangeException(nameof(Channels), Channels, "Input Channels must be at least 1.");
        if (Height < 1) throw new ArgumentOutOfRangeException(nameof(Height), Height, "Input Height must be at least 1.");
        if (Width < 1) throw new ArgumentOutOfRangeException(nameof(Width), Width, "Input Width must be at least 1.");
    }
}
