namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// Quasi-random search: proposes the successive points of a scrambled Sobol sequence (<see cref="SobolSequence"/>) over
/// the search space's feature space, so that the trials cover the space more evenly than independent random draws.
/// Results are ignored; the same seed gives the same proposals.
/// </summary>
/// <remarks>
/// <para>The first <c>2^k</c> proposals (8, 16, 32, 64, ...) are balanced as a whole: in every feature coordinate each
/// interval <c>[i/2^k, (i+1)/2^k)</c> holds exactly one of them. Give the tuner a trial budget that is a power of two,
/// or judge its design only at such counts; a prefix of another length is less even.</para>
/// <para>Scrambling (a random linear matrix scramble plus a random digital shift, seeded from the
/// <c>seed</c>) is always on. It keeps that balance, but the unscrambled sequence starts at the origin (every option at
/// its minimum or first choice), puts its points on the dyadic grid where choice and integer cells meet, and is the
/// same for every seed. Scrambled, each seed gives a different, equally balanced design, so repeated studies are
/// independent replicates.</para>
/// <para>Like the other tuners, an instance is meant to be driven from one thread.</para>
/// </remarks>
public sealed class SobolTuner : ITuner
{
    private readonly SearchSpace _searchSpace;
    private readonly SobolSequence _sequence;

    /// <summary>Creates the tuner.</summary>
    /// <param name="searchSpace">The space to search; at most <see cref="SobolSequence.MaxDimension"/> feature-space dimensions.</param>
    /// <param name="seed">The seed of the scramble.</param>
    /// <exception cref="ArgumentException">The search space has more feature-space dimensions than the Sobol table.</exception>
    public SobolTuner(SearchSpace searchSpace, int seed = 0)
    {
        _searchSpace = searchSpace ?? throw new ArgumentNullException(nameof(searchSpace));
        var dimension = searchSpace.FeatureSpaceDim;
        if (dimension > SobolSequence.MaxDimension)
        {
            throw new ArgumentException(
                $"The search space has {dimension} feature-space dimensions; a Sobol sequence supports at most {SobolSequence.MaxDimension}. Use {nameof(RandomSearchTuner)} for larger spaces.",
                nameof(searchSpace));
        }
        _sequence = new SobolSequence(dimension, scramble: true, seed);
    }

    /// <inheritdoc />
    public Parameter Propose(TrialSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return _searchSpace.SampleFromFeatureSpace(_sequence.Next());
    }

    /// <inheritdoc />
    public void Update(TrialResult result) => ArgumentNullException.ThrowIfNull(result);
}
