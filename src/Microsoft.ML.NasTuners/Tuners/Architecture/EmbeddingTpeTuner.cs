using Microsoft.ML.NasTuners.Acquisition;
using Microsoft.ML.NasTuners.Architectures;

namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// TPE on a vector embedding of architectures (WL features by default, or any <see cref="IArchitectureEmbedding"/>
/// such as a path encoding): the density ratio of the good and the bad trials' features
/// (<see cref="EmbeddingDensityRatio"/>), maximised by a broad evolution over architectures
/// (<see cref="ArchitectureSmboTuner"/>). The embedding counterpart of <see cref="TpeTuner"/>, which models each edge's
/// operation on its own.
/// </summary>
public sealed class EmbeddingTpeTuner : ArchitectureSmboTuner
{
    /// <summary>Creates the tuner.</summary>
    /// <param name="searchSpace">The space to search.</param>
    /// <param name="encoding">Reads the architecture of a point.</param>
    /// <param name="embedding">The features of an architecture; null means WL features (h = 2) of the encoding's graph.</param>
    /// <param name="options">The search options; defaults when null. The loss transform does not matter here: TPE
    /// only ranks losses.</param>
    /// <param name="gamma">How many of n trials are good; null for TPE's default, min(⌈0.1 n⌉, 25).</param>
    /// <param name="seed">The seed of every random choice.</param>
    public EmbeddingTpeTuner(SearchSpace searchSpace, IArchitectureEncoding encoding, IArchitectureEmbedding? embedding = null,
        ArchitectureSmboOptions? options = null, Func<int, int>? gamma = null, int seed = 0)
        : base(searchSpace, encoding,
            new EmbeddingDensityRatio(embedding ?? new WeisfeilerLehmanEmbedding(encoding ?? throw new ArgumentNullException(nameof(encoding))), gamma),
            options, seed)
    {
    }
}
