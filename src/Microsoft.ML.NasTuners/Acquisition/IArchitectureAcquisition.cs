namespace Microsoft.ML.NasTuners.Acquisition;

/// <summary>
/// What an <see cref="Tuners.ArchitectureSmboTuner"/> maximises over candidate architectures: fitted to the finished
/// trials (and told of the pending ones), then asked for one score per candidate, higher meaning more worth
/// evaluating. Expected improvement under a surrogate (<see cref="ArchitectureExpectedImprovement"/>) and TPE's density
/// ratio over embeddings (<see cref="EmbeddingDensityRatio"/>) are the two kinds.
/// </summary>
public interface IArchitectureAcquisition
{
    /// <summary>Learns from finished trials, replacing earlier data.</summary>
    /// <param name="points">The evaluated points.</param>
    /// <param name="losses">Their (possibly transformed) losses, finite.</param>
    /// <param name="pending">Points proposed but not finished; the acquisition should steer away from them.</param>
    /// <param name="random">The source of any random choice.</param>
    void Fit(IReadOnlyList<Parameter> points, IReadOnlyList<double> losses, IReadOnlyList<Parameter> pending, Random random);

    /// <summary>One score per candidate, higher is better; −∞ for a candidate with no hope.</summary>
    double[] Score(IReadOnlyList<Parameter> candidates);
}
