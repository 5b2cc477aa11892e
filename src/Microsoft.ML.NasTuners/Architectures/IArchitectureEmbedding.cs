namespace Microsoft.ML.NasTuners.Architectures;

/// <summary>
/// A vector embedding of architectures for surrogates that need features (a random forest): sparse, with named
/// features, because the features that occur (WL sub-structures, paths) are only known once architectures are seen.
/// A feature absent from the dictionary is 0.
/// </summary>
public interface IArchitectureEmbedding
{
    /// <summary>The non-zero features of the architecture at <paramref name="parameter"/>, by name.</summary>
    IReadOnlyDictionary<string, double> Embed(Parameter parameter);
}
