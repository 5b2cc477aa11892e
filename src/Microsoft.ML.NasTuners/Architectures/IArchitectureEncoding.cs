namespace Microsoft.ML.NasTuners.Architectures;

/// <summary>
/// Reads the architecture a point of a search space describes, in the forms architecture-aware surrogates compare:
/// a sequence of tokens (for string kernels), a labelled DAG (for graph kernels and graph embeddings) and a canonical
/// key that is equal for two points exactly when they describe the same network (isomorphic cells, unused branches),
/// so that a tuner never spends a trial on a twin of an evaluated architecture.
/// </summary>
/// <remarks>The search space stays the ordinary <see cref="SearchSpace"/> (categoricals, integers, conditional
/// branches), so every tuner can search it; the encoding is the extra knowledge an architecture tuner uses.</remarks>
public interface IArchitectureEncoding
{
    /// <summary>The architecture string as tokens, for example the operations in a fixed edge order.</summary>
    /// <param name="parameter">A point of the search space.</param>
    IReadOnlyList<string> ToTokens(Parameter parameter);

    /// <summary>The architecture as a labelled DAG.</summary>
    /// <param name="parameter">A point of the search space.</param>
    ArchitectureGraph ToGraph(Parameter parameter);

    /// <summary>A key equal for two points exactly when they describe the same network up to isomorphism.</summary>
    /// <param name="parameter">A point of the search space.</param>
    string CanonicalKey(Parameter parameter);
}
