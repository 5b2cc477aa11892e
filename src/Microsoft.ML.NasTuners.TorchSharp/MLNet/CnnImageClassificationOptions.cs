namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>Options of <see cref="CnnImageClassificationEstimator"/>.</summary>
public sealed class CnnImageClassificationOptions
{
    /// <summary>The input column: a known-size vector of <see cref="float"/>, one image, channel-major then row-major.
    /// Default "Features".</summary>
    public string FeatureColumnName { get; set; } = "Features";

    /// <summary>The label column: a key type (rows with a missing key are skipped). Default "Label".</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>The output column of class probabilities (a vector of <see cref="float"/>, one per class). Default "Score".</summary>
    public string ScoreColumnName { get; set; } = "Score";

    /// <summary>The output column of the most probable class, of the label's key type (with its key values).
    /// Default "PredictedLabel".</summary>
    public string PredictedLabelColumnName { get; set; } = "PredictedLabel";

    /// <summary>The shape of one image; null (the default) means one channel and a square image whose side is the
    /// square root of the feature vector's length.</summary>
    public CnnInputShape? InputShape { get; set; }

    /// <summary>The network; null (the default) means the default point of <see cref="CnnSearchSpace"/> (two plain
    /// stages of 32 and 64 channels).</summary>
    public CnnArchitecture? Architecture { get; set; }

    /// <summary>How to train. Default: Adam, learning rate 1e-3, weight decay 1e-4, batch size 64.</summary>
    public CnnTrainingSettings Training { get; set; } = new();

    /// <summary>The number of epochs, &gt;= 1. Default 10.</summary>
    public int Epochs { get; set; } = 10;

    /// <summary>Seed of the weights, the shuffling and dropout. Default 0.</summary>
    public long Seed { get; set; }

    /// <summary>The most threads torch may use while training; null (the default) for all cores.</summary>
    public int? MaxThreads { get; set; }
}
