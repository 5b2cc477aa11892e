namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>A log-normal density: log(value) ~ N(log(median), sigma²). The usual prior for positive scales
/// (amplitudes, length-scales): it keeps them away from both zero and infinity.</summary>
public sealed class LogNormalPrior : IPrior
{
    /// <summary>Creates the prior.</summary>
    /// <param name="median">The median of the value; positive.</param>
    /// <param name="sigma">The standard deviation of log(value); positive.</param>
    public LogNormalPrior(double median, double sigma)
    {
        if (!(median > 0 && double.IsFinite(median))) throw new ArgumentOutOfRangeException(nameof(median), median, "The median must be positive and finite.");
        if (!(sigma > 0 && double.IsFinite(sigma))) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "Sigma must be positive and finite.");
        Median = median;
        Sigma = sigma;
    }

    /// <summary>The median of the value.</summary>
    public double Median { get; }

    /// <summary>The standard deviation of log(value).</summary>
    public double Sigma { get; }

    /// <inheritdoc />
    public double LogDensity(double value)
    {
        if (!(value > 0)) return double.NegativeInfinity;
        var z = (Math.Log(value) - Math.Log(Median)) / Sigma;
        return -0.5 * z * z - Math.Log(value);
    }

    /// <inheritdoc />
    public double LogDensityDerivative(double value) =>
        -((Math.Log(value) - Math.Log(Median)) / (Sigma * Sigma) + 1) / value;
}
