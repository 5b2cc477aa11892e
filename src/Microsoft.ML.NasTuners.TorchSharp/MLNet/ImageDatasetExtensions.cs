using Microsoft.ML.Data;

namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>Turns an <see cref="ImageDataset"/> into ML.NET data.</summary>
public static class ImageDatasetExtensions
{
    /// <summary>A data view with a feature column (a vector of Single of the image's length) and a label column (a
    /// UInt32 key whose value k means class k - 1).</summary>
    /// <param name="data">The images.</param>
    /// <param name="mlContext">The ML.NET context.</param>
    /// <param name="featureColumnName">Default "Features".</param>
    /// <param name="labelColumnName">Default "Label".</param>
    public static IDataView ToDataView(this ImageDataset data, MLContext mlContext, string featureColumnName = "Features", string labelColumnName = "Label")
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(mlContext);
        var length = data.Shape.FeatureLength;
        var features = data.FeatureArray;
        var rows = Enumerable.Range(0, data.Count).Select(i => new ImageRow
        {
            Features = features.AsSpan(i * length, length).ToArray(),
            Label = (uint)data.LabelArray[i] + 1,
        });
        var definition = SchemaDefinition.Create(typeof(ImageRow));
        definition[nameof(ImageRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, length);
        definition[nameof(ImageRow.Features)].ColumnName = featureColumnName;
        definition[nameof(ImageRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), data.ClassCount);
        definition[nameof(ImageRow.Label)].ColumnName = labelColumnName;
        return mlContext.Data.LoadFromEnumerable(rows.ToArray(), definition);
    }

    private sealed class ImageRow
    {
        public float[] Features { get; set; } = [];

        public uint Label { get; set; }
    }
}
