namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// A prior density over the natural value of one hyper-parameter (a length-scale, an amplitude, a noise
/// variance, ...). Densities need not be normalised: samplers and MAP estimation only compare them.
/// </summary>
public interface IPrior
{
    /// <summary>The log density at <paramref name="value"/> (up to a constant); negative infinity outside the support.</summary>
    double LogDensity(double value);

    /// <summary>The derivative of <see cref="LogDensity"/> with respect to <paramref name="value"/>.</summary>
    double LogDensityDerivative(double value);
}
