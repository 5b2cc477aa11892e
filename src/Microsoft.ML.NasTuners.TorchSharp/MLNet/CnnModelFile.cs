namespace Microsoft.ML.NasTuners.TorchSharp.MLNet;

/// <summary>The JSON part of a saved <see cref="CnnImageClassificationTransformer"/> (entry <c>model.json</c>).</summary>
internal sealed class CnnModelFile
{
    public const int CurrentFormat = 1;

    public int Format { get; set; } = CurrentFormat;

    public required string Architecture { get; set; }

    public required CnnInputShape InputShape { get; set; }

    public int ClassCount { get; set; }

    public required string FeatureColumnName { get; set; }

    public required string ScoreColumnName { get; set; }

    public required string PredictedLabelColumnName { get; set; }

    public KeyValuesStore? KeyValues { get; set; }
}
