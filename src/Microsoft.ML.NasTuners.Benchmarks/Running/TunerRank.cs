namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>One tuner's standing in a benchmark (see <see cref="BenchmarkRanking"/>).</summary>
/// <param name="Tuner">The tuner's name.</param>
/// <param name="MeanRank">The mean over every (problem, seed) of the tuner's rank by final regret among the tuners
/// run there (1 is best; ties share the mean of their ranks).</param>
/// <param name="Cells">How many (problem, seed) cells the mean is over.</param>
/// <param name="BetterThanRandom">Problems on which the tuner's median final regret is below random search's; null
/// when random search was not run.</param>
/// <param name="WorseThanRandom">Problems on which it is above random search's; null when random search was not run.</param>
public sealed record TunerRank(string Tuner, double MeanRank, int Cells, int? BetterThanRandom, int? WorseThanRandom);
