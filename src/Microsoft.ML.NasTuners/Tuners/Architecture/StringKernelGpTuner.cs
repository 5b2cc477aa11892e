using Microsoft.ML.NasTuners.Architectures;
using Microsoft.ML.NasTuners.Surrogates;
using Microsoft.ML.NasTuners.Surrogates.Gp;

namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// BOSS-style architecture search (Moss et al. 2020): a GP over architecture strings (the encoding's tokens) with the
/// sub-sequence string kernel (<see cref="SubsequenceStringKernel"/>), hyper-parameters (decays, length weights,
/// amplitude, noise) at their MAP value, and expected improvement maximised by evolution over architectures
/// (<see cref="ArchitectureSmboTuner"/>).
/// </summary>
/// <remarks>Without options, the search scores 500 random candidates per proposal instead of 1000: a string-kernel
/// value costs a dynamic programme, and on NAS-Bench-201 (seeds 101–120) 500 gave the same accuracy in half the
/// proposal time.</remarks>
public sealed class StringKernelGpTuner : ArchitectureSmboTuner
{
    /// <summary>Creates the tuner.</summary>
    /// <param name="searchSpace">The space to search.</param>
    /// <param name="encoding">Reads the architecture string of a point.</param>
    /// <param name="options">The search options; defaults when null.</param>
    /// <param name="maxLength">The longest sub-sequence the kernel compares; default 5.</param>
    /// <param name="seed">The seed of every random choice.</param>
    public StringKernelGpTuner(SearchSpace searchSpace, IArchitectureEncoding encoding, ArchitectureSmboOptions? options = null, int maxLength = 5, int seed = 0)
        : base(searchSpace, encoding, CreateSurrogate(encoding, maxLength), options ?? DefaultOptions(), seed)
    {
    }

    /// <summary>The options used when none are given: the <see cref="ArchitectureSmboOptions"/> defaults with 500
    /// random candidates.</summary>
    public static ArchitectureSmboOptions DefaultOptions() => new() { RandomCandidates = 500 };

    private static GpArchitectureSurrogate<IReadOnlyList<string>> CreateSurrogate(IArchitectureEncoding encoding, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        return new GpArchitectureSurrogate<IReadOnlyList<string>>(encoding.ToTokens, new SubsequenceStringKernel(maxLength));
    }
}
