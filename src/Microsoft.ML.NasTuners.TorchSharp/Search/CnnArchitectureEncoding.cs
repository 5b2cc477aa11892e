using System.Text.Json;
using Microsoft.ML.NasTuners.Architectures;

namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>
/// The architecture encoding of a point of <see cref="CnnSearchSpace"/>, for architecture-aware tuners:
/// <list type="bullet">
/// <item><b>Tokens</b>: the words of <see cref="CnnArchitecture.ToArchitectureString"/>, one per block, max-pool and
/// head part (for example <c>plain3x3-c32-relu-bn</c>, <c>maxpool</c>, <c>gap</c>, <c>classifier</c>).</item>
/// <item><b>Graph</b>: <see cref="CnnArchitecture.ToGraph"/> as an <see cref="ArchitectureGraph"/> whose node labels
/// are the operations (<c>input</c>, <c>conv3x3</c>, <c>batchnorm</c>, <c>relu</c>, <c>add</c>, ..., <c>output</c>);
/// widths are not in the labels, the tokens carry them.</item>
/// <item><b>Canonical key</b>: the architecture's JSON (<see cref="CnnArchitecture.ToJson"/>), exact where the
/// architecture string rounds (the head's dropout to four decimals). Each configuration of the space builds its own
/// network, so equal keys mean equal architectures and nothing coarser is needed.</item>
/// </list>
/// </summary>
/// <remarks>The training settings (optimiser, learning rate, ...) are not part of the architecture, so by default two
/// points that train the same network differently share a key, and a tuner that never repeats a key will not try an
/// evaluated network again with other training settings. Set <c>keyIncludesTraining</c> when the space also searches
/// the training and such points should count as different.</remarks>
/// <param name="keyIncludesTraining">When true, the canonical key also holds the training settings. Default false.</param>
public sealed class CnnArchitectureEncoding(bool keyIncludesTraining = false) : IArchitectureEncoding
{
    /// <summary>True when the canonical key also holds the training settings.</summary>
    public bool KeyIncludesTraining { get; } = keyIncludesTraining;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The parameter is not a point of the CNN space.</exception>
    public IReadOnlyList<string> ToTokens(Parameter parameter) =>
        Architecture(parameter).ToArchitectureString().Split(' ');

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The parameter is not a point of the CNN space.</exception>
    public ArchitectureGraph ToGraph(Parameter parameter) => ToGraph(Architecture(parameter));

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The parameter is not a point of the CNN space.</exception>
    public string CanonicalKey(Parameter parameter)
    {
        var configuration = CnnConfiguration.FromParameter(parameter);
        var key = configuration.Architecture.ToJson();
        return KeyIncludesTraining ? key + " " + JsonSerializer.Serialize(configuration.Training) : key;
    }

    /// <summary>The operations graph of <paramref name="architecture"/> (every declared downsampling included).</summary>
    public static ArchitectureGraph ToGraph(CnnArchitecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var graph = architecture.ToGraph();
        // CnnGraph numbers its nodes in execution order, the topological order ArchitectureGraph requires.
        return new ArchitectureGraph(graph.Nodes.Select(n => n.Operation).ToArray(),
            graph.Edges.Select(e => new ArchitectureEdge(e.From, e.To)));
    }

    private static CnnArchitecture Architecture(Parameter parameter) => CnnConfiguration.FromParameter(parameter).Architecture;
}
