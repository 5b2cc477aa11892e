namespace Microsoft.ML.NasTuners.Architectures;

/// <summary>The BANANAS path encoding (<see cref="PathEncoding"/>) of an architecture's graph as a named-feature
/// embedding: one feature per input-to-output path of operations present, named by its index.</summary>
public sealed class PathEmbedding : IArchitectureEmbedding
{
    private readonly IArchitectureEncoding _encoding;
    private readonly PathEncoding _paths;

    /// <summary>Creates the embedding.</summary>
    /// <param name="encoding">Reads the graph of a point.</param>
    /// <param name="paths">The path encoding; its vocabulary must hold every operation label the graphs carry.</param>
    public PathEmbedding(IArchitectureEncoding encoding, PathEncoding paths)
    {
        _encoding = encoding ?? throw new ArgumentNullException(nameof(encoding));
        _paths = paths ?? throw new ArgumentNullException(nameof(paths));
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Embed(Parameter parameter)
    {
        var dense = _paths.Encode(_encoding.ToGraph(parameter));
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var f = 0; f < dense.Length; f++)
        {
            // Fixed-width names keep the ordinal name order equal to the feature order.
            if (dense[f] != 0) result[$"path{f:D8}"] = dense[f];
        }
        return result;
    }
}
