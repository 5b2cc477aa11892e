using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML.Data;
using Microsoft.ML.NasTuners.TorchSharp.MLNet;
using Microsoft.ML.NasTuners.TorchSharp.Native;

namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>
/// A trained CNN that adds a <c>Score</c> column (class probabilities) and a <c>PredictedLabel</c> column (the most
/// probable class, as the training label's key type with its key values) to data with an image feature column.
/// Rows are scored lazily, one at a time; prediction engines work.
/// </summary>
/// <remarks>ML.NET's <c>mlContext.Model.Save</c> cannot hold it (ML.NET keeps its model-loading registry internal):
/// save it with <see cref="Save(string)"/> and read it back with <see cref="Load(string)"/>, a zip of
/// <c>model.json</c> (architecture, shapes, columns, key values) and <c>weights.bin</c> (TorchSharp state).</remarks>
public sealed class CnnImageClassificationTransformer : ITransformer, IDisposable
{
    private const string ModelEntry = "model.json";
    private const string WeightsEntry = "weights.bin";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        WriteIndented = true,
    };

    private readonly CnnNetwork _network;
    private readonly CnnScorer _scorer;
    private readonly KeyValuesStore? _keyValues;

    internal CnnImageClassificationTransformer(CnnNetwork network, string featureColumnName, string scoreColumnName,
        string predictedLabelColumnName, KeyValuesStore? keyValues)
    {
        _network = network;
        _network.eval();
        _scorer = new CnnScorer(network);
        _keyValues = keyValues;
        FeatureColumnName = featureColumnName;
        ScoreColumnName = scoreColumnName;
        PredictedLabelColumnName = predictedLabelColumnName;
    }

    /// <summary>The network's architecture.</summary>
    public CnnArchitecture Architecture => _network.Architecture;

    /// <summary>The shape of one input image.</summary>
    public CnnInputShape InputShape => _network.Input;

    /// <summary>The number of classes.</summary>
    public int ClassCount => _network.ClassCount;

    /// <summary>The input column.</summary>
    public string FeatureColumnName { get; }

    /// <summary>The probabilities column.</summary>
    public string ScoreColumnName { get; }

    /// <summary>The predicted-label column.</summary>
    public string PredictedLabelColumnName { get; }

    /// <summary>The trained network (owned by this transformer).</summary>
    public CnnNetwork Network => _network;

    /// <inheritdoc />
    public bool IsRowToRowMapper => true;

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => Bind(inputSchema).Output;

    /// <inheritdoc />
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ScoredDataView(input, Bind(input.Schema), _scorer);
    }

    /// <inheritdoc />
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => new CnnRowMapper(Bind(inputSchema), _scorer);

    /// <summary>Not supported: ML.NET's model format only holds transformers registered inside ML.NET. Use
    /// <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException($"{nameof(CnnImageClassificationTransformer)} cannot be saved with mlContext.Model.Save; use its Save(path) and {nameof(CnnImageClassificationTransformer)}.Load(path).");

    /// <summary>Saves the transformer to a file (a zip of <c>model.json</c> and <c>weights.bin</c>).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Saves the transformer to a stream (a zip of <c>model.json</c> and <c>weights.bin</c>).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var model = new CnnModelFile
        {
            Architecture = Architecture.ToJson(),
            InputShape = InputShape,
            ClassCount = ClassCount,
            FeatureColumnName = FeatureColumnName,
            ScoreColumnName = ScoreColumnName,
            PredictedLabelColumnName = PredictedLabelColumnName,
            KeyValues = _keyValues,
        };
        using (var entry = zip.CreateEntry(ModelEntry).Open())
            JsonSerializer.Serialize(entry, model, JsonOptions);
        using (var entry = zip.CreateEntry(WeightsEntry).Open())
            _network.save(entry);
    }

    /// <summary>Loads a transformer saved by <see cref="Save(string)"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a saved CNN transformer.</exception>
    /// <exception cref="TorchNativeLoadException">TorchSharp's native library cannot be loaded.</exception>
    public static CnnImageClassificationTransformer Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Loads a transformer saved by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a saved CNN transformer.</exception>
    /// <exception cref="TorchNativeLoadException">TorchSharp's native library cannot be loaded.</exception>
    public static CnnImageClassificationTransformer Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var modelEntry = zip.GetEntry(ModelEntry) ?? throw new InvalidDataException($"Not a saved CNN transformer: no {ModelEntry}.");
        var weightsEntry = zip.GetEntry(WeightsEntry) ?? throw new InvalidDataException($"Not a saved CNN transformer: no {WeightsEntry}.");
        CnnModelFile model;
        using (var entry = modelEntry.Open())
        {
            try
            {
                model = JsonSerializer.Deserialize<CnnModelFile>(entry, JsonOptions) ?? throw new InvalidDataException($"{ModelEntry} is empty.");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{ModelEntry} is damaged: {e.Message}", e);
            }
        }
        if (model.Format != CnnModelFile.CurrentFormat)
            throw new InvalidDataException($"Saved CNN transformer format {model.Format} is not supported (expected {CnnModelFile.CurrentFormat}).");

        var network = CnnModelBuilder.Build(CnnArchitecture.FromJson(model.Architecture), model.InputShape, model.ClassCount);
        try
        {
            // TorchSharp reads with seeks, which a zip entry stream does not allow.
            using var weights = new MemoryStream();
            using (var entry = weightsEntry.Open()) entry.CopyTo(weights);
            weights.Position = 0;
            network.load(weights);
            return new CnnImageClassificationTransformer(network, model.FeatureColumnName, model.ScoreColumnName, model.PredictedLabelColumnName, model.KeyValues);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>Releases the network's native memory.</summary>
    public void Dispose() => _network.Dispose();

    private CnnSchemaBinding Bind(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return new CnnSchemaBinding(inputSchema, FeatureColumnName, InputShape.FeatureLength, ClassCount, ScoreColumnName, PredictedLabelColumnName, _keyValues);
    }
}
