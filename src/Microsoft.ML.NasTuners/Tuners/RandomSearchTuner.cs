namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>Uniform random search over the feature space: each coordinate drawn independently from a seeded
/// <see cref="Random"/>. The same seed gives the same sequence of proposals; results are ignored.</summary>
public sealed class RandomSearchTuner : ITuner
{
    private readonly SearchSpace _searchSpace;
    private readonly Random _random;

    /// <summary>Creates the tuner.</summary>
    /// <param name="searchSpace">The space to search.</param>
    /// <param name="seed">The seed of the random sequence.</param>
    public RandomSearchTuner(SearchSpace searchSpace, int seed = 0)
    {
        _searchSpace = searchSpace ?? throw new ArgumentNullException(nameof(searchSpace));
        _random = new Random(seed);
    }

    /// <inheritdoc />
    public Parameter Propose(TrialSettings settings)
    {
        var feature = new double[_searchSpace.FeatureSpaceDim];
        for (var i = 0; i < feature.Length; i++)
            feature[i] = _random.NextDouble();
        return _searchSpace.SampleFromFeatureSpace(feature);
    }

    /// <inheritdoc />
    public void Update(TrialResult result) => ArgumentNullException.ThrowIfNull(result);
}
