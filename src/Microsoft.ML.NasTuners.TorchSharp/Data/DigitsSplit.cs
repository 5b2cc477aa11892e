namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>The digits set split into training, validation and test images (see <see cref="DigitsDataset.Load"/>).</summary>
/// <param name="Train">60% of the images.</param>
/// <param name="Validation">20% of the images.</param>
/// <param name="Test">The remaining 20%.</param>
public sealed record DigitsSplit(ImageDataset Train, ImageDataset Validation, ImageDataset Test);
