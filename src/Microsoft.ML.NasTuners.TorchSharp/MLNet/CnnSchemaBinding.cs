using Microsoft.ML.Data;

namespace Microsoft.ML.NasTuners.TorchSharp.MLNet;

/// <summary>How the transformer's output schema relates to an input schema: every input column keeps its index, then
/// come the score and the predicted-label columns (which hide input columns of the same names).</summary>
internal sealed class CnnSchemaBinding
{
    public CnnSchemaBinding(DataViewSchema input, string featureColumnName, int featureLength, int classCount,
        string scoreColumnName, string predictedLabelColumnName, KeyValuesStore? keyValues)
    {
        Input = input;
        var feature = input.GetColumnOrNull(featureColumnName)
                      ?? throw new ArgumentOutOfRangeException(nameof(featureColumnName), featureColumnName, $"The input has no column '{featureColumnName}'.");
        if (feature.Type is not VectorDataViewType { ItemType: NumberDataViewType { RawType: var raw }, Size: var size } || raw != typeof(float) || size != featureLength)
            throw new ArgumentOutOfRangeException(nameof(featureColumnName), featureColumnName, $"Column '{featureColumnName}' must be a vector of {featureLength} Single values, got {feature.Type}.");
        Feature = feature;

        var builder = new DataViewSchema.Builder();
        builder.AddColumns(input);
        builder.AddColumn(scoreColumnName, new VectorDataViewType(NumberDataViewType.Single, classCount), keyValues?.ToSlotNames());
        builder.AddColumn(predictedLabelColumnName, new KeyDataViewType(typeof(uint), classCount), keyValues?.ToAnnotations());
        Output = builder.ToSchema();
        ScoreIndex = input.Count;
        PredictedLabelIndex = input.Count + 1;
    }

    public DataViewSchema Input { get; }

    public DataViewSchema Output { get; }

    public DataViewSchema.Column Feature { get; }

    public int ScoreIndex { get; }

    public int PredictedLabelIndex { get; }

    /// <summary>The input columns needed to produce <paramref name="outputColumns"/>.</summary>
    public IEnumerable<DataViewSchema.Column> Dependencies(IEnumerable<DataViewSchema.Column> outputColumns)
    {
        var needed = new SortedSet<int>();
        foreach (var column in outputColumns)
        {
            if (column.Index < Input.Count) needed.Add(column.Index);
            else needed.Add(Feature.Index);
        }
        return needed.Select(i => Input[i]).ToArray();
    }
}
