using Microsoft.ML.NasTuners.Architectures;
using Microsoft.ML.NasTuners.Surrogates;
using Microsoft.ML.NasTuners.Surrogates.Gp;

namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// GP-BO on a vector embedding of architectures (WL features by default, or any <see cref="IArchitectureEmbedding"/>
/// such as a path encoding): a GP with the Matérn-5/2 kernel on normalised embeddings
/// (<see cref="EmbeddingMatern52Kernel"/>), hyper-parameters at their MAP value, and expected improvement maximised by
/// a broad evolution over architectures (<see cref="ArchitectureSmboTuner"/>). The embedding counterpart of
/// <see cref="GpTuner"/>, which sees an architecture only as unrelated categoricals.
/// </summary>
public sealed class EmbeddingGpTuner : ArchitectureSmboTuner
{
    /// <summary>Creates the tuner.</summary>
    /// <param name="searchSpace">The space to search.</param>
    /// <param name="encoding">Reads the architecture of a point.</param>
    /// <param name="embedding">The features of an architecture; null means WL features (h = 2) of the encoding's graph.</param>
    /// <param name="options">The search options; defaults when null.</param>
    /// <param name="seed">The seed of every random choice.</param>
    public EmbeddingGpTuner(SearchSpace searchSpace, IArchitectureEncoding encoding, IArchitectureEmbedding? embedding = null,
        ArchitectureSmboOptions? options = null, int seed = 0)
        : base(searchSpace, encoding, CreateSurrogate(encoding, embedding), options, seed)
    {
    }

    private static GpArchitectureSurrogate<IReadOnlyDictionary<string, double>> CreateSurrogate(IArchitectureEncoding encoding, IArchitectureEmbedding? embedding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        embedding ??= new WeisfeilerLehmanEmbedding(encoding);
        return new GpArchitectureSurrogate<IReadOnlyDictionary<string, double>>(embedding.Embed, new EmbeddingMatern52Kernel());
    }
}
