namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>
/// A model of the loss over architectures that an <see cref="Tuners.ArchitectureSmboTuner"/> fits and queries: a GP
/// with a string or graph kernel, or a random forest on a vector embedding. Implementations read a point's
/// architecture through the <see cref="Architectures.IArchitectureEncoding"/> they were given.
/// </summary>
public interface IArchitectureSurrogate
{
    /// <summary>Learns from finished trials, re-estimating any hyper-parameters; replaces earlier data and beliefs.</summary>
    /// <param name="points">The evaluated points.</param>
    /// <param name="losses">Their (possibly transformed) losses, finite.</param>
    /// <param name="random">The source of any random choice.</param>
    void Fit(IReadOnlyList<Parameter> points, IReadOnlyList<double> losses, Random random);

    /// <summary>Adds points as if they had been observed with the given losses, keeping the hyper-parameters: how
    /// pending trials enter the model (the kriging believer). Lasts until the next <see cref="Fit"/>.</summary>
    /// <param name="points">The pending points.</param>
    /// <param name="losses">The losses believed for them.</param>
    /// <param name="random">The source of any random choice.</param>
    void Believe(IReadOnlyList<Parameter> points, IReadOnlyList<double> losses, Random random);

    /// <summary>The predictive mean and variance of the loss at <paramref name="points"/>: one prediction per posterior
    /// sample of the model's hyper-parameters (one for a point estimate), over which an acquisition is averaged.</summary>
    IReadOnlyList<ArchitecturePrediction> Predict(IReadOnlyList<Parameter> points);
}
