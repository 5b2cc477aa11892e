using Microsoft.ML.NasTuners.Architectures;
using Microsoft.ML.NasTuners.Surrogates;

namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// SMAC's random forest on a vector embedding of architectures (WL features by default, or any
/// <see cref="IArchitectureEmbedding"/> such as a path encoding), with expected improvement maximised by a broad
/// evolution over architectures (<see cref="ArchitectureSmboTuner"/>). Cheaper than the kernel GPs as data grow.
/// </summary>
public sealed class EmbeddingForestTuner : ArchitectureSmboTuner
{
    /// <summary>Creates the tuner.</summary>
    /// <param name="searchSpace">The space to search.</param>
    /// <param name="encoding">Reads the architecture of a point.</param>
    /// <param name="embedding">The features of an architecture; null means WL features (h = 2) of the encoding's graph.</param>
    /// <param name="options">The search options; defaults when null.</param>
    /// <param name="forestOptions">The forest's options; null for SMAC's defaults.</param>
    /// <param name="seed">The seed of every random choice.</param>
    public EmbeddingForestTuner(SearchSpace searchSpace, IArchitectureEncoding encoding, IArchitectureEmbedding? embedding = null,
        ArchitectureSmboOptions? options = null, RandomForestOptions? forestOptions = null, int seed = 0)
        : base(searchSpace, encoding,
            new ForestArchitectureSurrogate(embedding ?? new WeisfeilerLehmanEmbedding(encoding ?? throw new ArgumentNullException(nameof(encoding))), forestOptions),
            options, seed)
    {
    }
}
