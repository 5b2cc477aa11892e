using Microsoft.ML.Data;
using Microsoft.ML.NasTuners.TorchSharp.MLNet;
using Microsoft.ML.NasTuners.TorchSharp.Native;

namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>
/// Trains a given CNN architecture on an <see cref="IDataView"/> with a known-size vector-of-float image column and a
/// key label column, and returns a <see cref="CnnImageClassificationTransformer"/>. Create it with
/// <c>mlContext.MulticlassClassification.Trainers.TorchSharpCnn(...)</c>.
/// </summary>
public sealed class CnnImageClassificationEstimator : IEstimator<CnnImageClassificationTransformer>
{
    private readonly CnnImageClassificationOptions _options;

    /// <summary>Creates the estimator.</summary>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public CnnImageClassificationEstimator(CnnImageClassificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (name, value) in new[]
                 {
                     (nameof(options.FeatureColumnName), options.FeatureColumnName), (nameof(options.LabelColumnName), options.LabelColumnName),
                     (nameof(options.ScoreColumnName), options.ScoreColumnName), (nameof(options.PredictedLabelColumnName), options.PredictedLabelColumnName),
                 })
        {
            if (string.IsNullOrEmpty(value)) throw new ArgumentException($"{name} must not be empty.", nameof(options));
        }
        if (options.Epochs < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Epochs, "Epochs must be at least 1.");
        ArgumentNullException.ThrowIfNull(options.Training, nameof(options.Training));
        options.Training.Validate();
        options.InputShape?.Validate();
        _options = options;
    }

    /// <summary>The output schema: the input's columns plus the score (vector of Single) and the predicted label (the
    /// label's key type).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type; the message names it.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        if (!TryFind(inputSchema, _options.FeatureColumnName, out var feature))
            throw new ArgumentOutOfRangeException(nameof(inputSchema), _options.FeatureColumnName, $"The input has no column '{_options.FeatureColumnName}'.");
        if (feature.Kind != SchemaShape.Column.VectorKind.Vector || feature.ItemType != NumberDataViewType.Single)
            throw new ArgumentOutOfRangeException(nameof(inputSchema), _options.FeatureColumnName, $"Column '{_options.FeatureColumnName}' must be a known-size vector of Single.");
        if (!TryFind(inputSchema, _options.LabelColumnName, out var label))
            throw new ArgumentOutOfRangeException(nameof(inputSchema), _options.LabelColumnName, $"The input has no column '{_options.LabelColumnName}'.");
        if (!label.IsKey || label.Kind != SchemaShape.Column.VectorKind.Scalar)
            throw new ArgumentOutOfRangeException(nameof(inputSchema), _options.LabelColumnName, $"Column '{_options.LabelColumnName}' must be a key (use MapValueToKey).");
        // SchemaShape.Column cannot be constructed outside ML.NET; copying the two columns yields exactly the shapes
        // of the outputs (a Single vector and the label's key type with its key values).
        var context = new MLContext(seed: 0);
        return context.Transforms.CopyColumns(_options.ScoreColumnName, _options.FeatureColumnName)
            .Append(context.Transforms.CopyColumns(_options.PredictedLabelColumnName, _options.LabelColumnName))
            .GetOutputSchema(inputSchema);
    }

    /// <summary>Trains the network on all rows with a label.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type.</exception>
    /// <exception cref="ArgumentException">The feature length does not fit the input shape, or there are fewer than 2
    /// labelled rows.</exception>
    /// <exception cref="TorchNativeLoadException">TorchSharp's native library cannot be loaded.</exception>
    public CnnImageClassificationTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var schema = input.Schema;
        var feature = schema.GetColumnOrNull(_options.FeatureColumnName)
                      ?? throw new ArgumentOutOfRangeException(nameof(input), _options.FeatureColumnName, $"The input has no column '{_options.FeatureColumnName}'.");
        var label = schema.GetColumnOrNull(_options.LabelColumnName)
                    ?? throw new ArgumentOutOfRangeException(nameof(input), _options.LabelColumnName, $"The input has no column '{_options.LabelColumnName}'.");
        if (feature.Type is not VectorDataViewType { ItemType: NumberDataViewType { RawType: var raw }, Size: > 0 and var length } || raw != typeof(float))
            throw new ArgumentOutOfRangeException(nameof(input), _options.FeatureColumnName, $"Column '{_options.FeatureColumnName}' must be a known-size vector of Single, got {feature.Type}.");
        if (label.Type is not KeyDataViewType { RawType: var keyRaw, Count: var keyCount } || keyRaw != typeof(uint))
            throw new ArgumentOutOfRangeException(nameof(input), _options.LabelColumnName, $"Column '{_options.LabelColumnName}' must be a UInt32 key (use MapValueToKey), got {label.Type}.");
        if (keyCount < 2 || keyCount > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(input), _options.LabelColumnName, $"Column '{_options.LabelColumnName}' must have between 2 and {int.MaxValue} key values, has {keyCount}.");

        var shape = _options.InputShape ?? SquareShape(length);
        if (shape.FeatureLength != length)
            throw new ArgumentException($"InputShape {shape} needs {shape.FeatureLength} features, column '{_options.FeatureColumnName}' has {length}.", nameof(input));

        var data = Read(input, feature, label, shape, (int)keyCount);
        var architecture = _options.Architecture ?? CnnConfiguration.FromParameter(CnnSearchSpace.Create().SampleDefault()).Architecture;
        var trainer = new CnnTrainer(new CnnTrainerOptions { Seed = _options.Seed, MaxThreads = _options.MaxThreads });
        var result = trainer.Train(new CnnConfiguration(architecture, _options.Training), data, validation: null, _options.Epochs);
        if (result.Checkpoint is null)
            throw new InvalidOperationException($"Training diverged (training loss {result.TrainingLoss} after {result.Epochs} epochs); lower the learning rate ({_options.Training.LearningRate}).");
        return new CnnImageClassificationTransformer(result.Checkpoint.CreateNetwork(), _options.FeatureColumnName,
            _options.ScoreColumnName, _options.PredictedLabelColumnName, KeyValuesStore.From(label));
    }

    private static bool TryFind(SchemaShape schema, string name, out SchemaShape.Column column)
    {
        // SchemaShape's own lookup is internal to ML.NET.
        column = schema.LastOrDefault(c => c.Name == name);
        return column.Name == name;
    }

    private CnnInputShape SquareShape(int length)
    {
        var side = (int)Math.Round(Math.Sqrt(length));
        return side * side == length
            ? new CnnInputShape(1, side, side)
            : throw new ArgumentException($"Column '{_options.FeatureColumnName}' has {length} values, not a square image; set InputShape.", nameof(length));
    }

    private static ImageDataset Read(IDataView input, DataViewSchema.Column feature, DataViewSchema.Column label, CnnInputShape shape, int classCount)
    {
        var features = new List<float>();
        var labels = new List<int>();
        using var cursor = input.GetRowCursor([feature, label]);
        var getFeatures = cursor.GetGetter<VBuffer<float>>(feature);
        var getLabel = cursor.GetGetter<uint>(label);
        VBuffer<float> buffer = default;
        var dense = new float[shape.FeatureLength];
        uint key = 0;
        while (cursor.MoveNext())
        {
            getLabel(ref key);
            if (key == 0) continue; // a missing label
            getFeatures(ref buffer);
            buffer.CopyTo(dense);
            features.AddRange(dense);
            labels.Add((int)key - 1);
        }
        if (labels.Count < 2) throw new ArgumentException($"Training needs at least 2 rows with a label, got {labels.Count}.", nameof(input));
        return new ImageDataset(features.ToArray(), labels.ToArray(), shape, classCount);
    }
}
