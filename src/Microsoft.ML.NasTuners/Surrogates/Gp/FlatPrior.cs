namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>A constant density: the hyper-parameter's bounds are the only information. Note that on a
/// log-scaled hyper-parameter this is flat in the natural value, which puts most mass near the upper bound.</summary>
public sealed class FlatPrior : IPrior
{
    /// <summary>The shared instance.</summary>
    public static FlatPrior Instance { get; } = new();

    /// <inheritdoc />
    public double LogDensity(double value) => 0;

    /// <inheritdoc />
    public double LogDensityDerivative(double value) => 0;
}
