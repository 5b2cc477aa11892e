using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>
/// The complete state of a training run after some epochs: weights (and batch-norm statistics), optimiser state,
/// the epoch count and the random generator's state. <see cref="CnnTrainer.Train"/> continues from it exactly as if
/// training had never stopped. It holds bytes, not tensors, so it needs no disposing.
/// </summary>
public sealed class CnnCheckpoint
{
    private const string Magic = "NasTuners.CnnCheckpoint";
    private const int FormatVersion = 1;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Converters = { new JsonStringEnumConverter() },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
    };

    internal CnnCheckpoint(CnnConfiguration configuration, CnnInputShape input, int classCount, int epochs, long seed,
        byte[] modelState, byte[] optimizerState, byte[] generatorState)
    {
        Configuration = configuration;
        Input = input;
        ClassCount = classCount;
        Epochs = epochs;
        Seed = seed;
        ModelState = modelState;
        OptimizerState = optimizerState;
        GeneratorState = generatorState;
    }

    /// <summary>The architecture and training settings.</summary>
    public CnnConfiguration Configuration { get; }

    /// <summary>The input shape the network was built for.</summary>
    public CnnInputShape Input { get; }

    /// <summary>The number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>The epochs completed.</summary>
    public int Epochs { get; }

    /// <summary>The seed the run started from.</summary>
    public long Seed { get; }

    internal byte[] ModelState { get; }

    internal byte[] OptimizerState { get; }

    internal byte[] GeneratorState { get; }

    /// <summary>The trained network, in evaluation mode. The caller disposes it.</summary>
    public CnnNetwork CreateNetwork()
    {
        var network = CnnModelBuilder.Build(Configuration.Architecture, Input, ClassCount, Seed);
        try
        {
            LoadWeights(network);
            network.eval();
            return network;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    internal void LoadWeights(nn.Module network)
    {
        using var stream = new MemoryStream(ModelState, writable: false);
        network.load(stream);
    }

    /// <summary>Writes the checkpoint (a header, the configuration as JSON, then the three states).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Configuration.Architecture.ToJson());
        writer.Write(JsonSerializer.Serialize(Configuration.Training, JsonOptions));
        writer.Write(JsonSerializer.Serialize(Input, JsonOptions));
        writer.Write(ClassCount);
        writer.Write(Epochs);
        writer.Write(Seed);
        foreach (var blob in new[] { ModelState, OptimizerState, GeneratorState })
        {
            writer.Write(blob.Length);
            writer.Write(blob);
        }
    }

    /// <summary>Reads a checkpoint written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream does not hold a checkpoint of a known format.</exception>
    public static CnnCheckpoint Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (reader.ReadString() != Magic) throw new InvalidDataException("The stream does not hold a CNN checkpoint.");
            var version = reader.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"Checkpoint format {version} is not supported (expected {FormatVersion}).");
            var architecture = CnnArchitecture.FromJson(reader.ReadString());
            var training = JsonSerializer.Deserialize<CnnTrainingSettings>(reader.ReadString(), JsonOptions)!;
            var input = JsonSerializer.Deserialize<CnnInputShape>(reader.ReadString(), JsonOptions)!;
            var classCount = reader.ReadInt32();
            var epochs = reader.ReadInt32();
            var seed = reader.ReadInt64();
            byte[] Blob() => reader.ReadBytes(reader.ReadInt32());
            return new CnnCheckpoint(new CnnConfiguration(architecture, training), input, classCount, epochs, seed, Blob(), Blob(), Blob());
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or ArgumentException)
        {
            throw new InvalidDataException($"The checkpoint is damaged: {e.Message}", e);
        }
    }
}
