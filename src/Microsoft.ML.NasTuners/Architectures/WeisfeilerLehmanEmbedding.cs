namespace Microsoft.ML.NasTuners.Architectures;

/// <summary>The Weisfeiler-Lehman label counts of an architecture's graph as a named-feature embedding (NAS-BOWL's
/// features): a feature is a sub-structure ending in a node, so a model on them is interpretable.</summary>
public sealed class WeisfeilerLehmanEmbedding : IArchitectureEmbedding
{
    private readonly IArchitectureEncoding _encoding;
    private readonly WeisfeilerLehmanFeatures _features;

    /// <summary>Creates the embedding.</summary>
    /// <param name="encoding">Reads the graph of a point.</param>
    /// <param name="iterations">The WL refinements h; default 2. In [0, 10].</param>
    public WeisfeilerLehmanEmbedding(IArchitectureEncoding encoding, int iterations = 2)
    {
        _encoding = encoding ?? throw new ArgumentNullException(nameof(encoding));
        _features = new WeisfeilerLehmanFeatures(iterations);
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Embed(Parameter parameter)
    {
        var f = _features.Extract(_encoding.ToGraph(parameter));
        var result = new Dictionary<string, double>(f.Ids.Count, StringComparer.Ordinal);
        for (var e = 0; e < f.Ids.Count; e++) result[_features.Describe(f.Ids[e])] = f.Counts[e];
        return result;
    }
}
