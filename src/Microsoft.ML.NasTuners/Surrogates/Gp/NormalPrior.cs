namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>A normal density N(mean, sd²), for a hyper-parameter that may be negative (the constant mean).</summary>
public sealed class NormalPrior : IPrior
{
    /// <summary>Creates the prior.</summary>
    /// <param name="mean">The centre.</param>
    /// <param name="standardDeviation">The spread; positive.</param>
    public NormalPrior(double mean, double standardDeviation)
    {
        if (!double.IsFinite(mean)) throw new ArgumentOutOfRangeException(nameof(mean), mean, "The mean must be finite.");
        if (!(standardDeviation > 0 && double.IsFinite(standardDeviation)))
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "The standard deviation must be positive and finite.");
        Mean = mean;
        StandardDeviation = standardDeviation;
    }

    /// <summary>The centre.</summary>
    public double Mean { get; }

    /// <summary>The spread.</summary>
    public double StandardDeviation { get; }

    /// <inheritdoc />
    public double LogDensity(double value)
    {
        var z = (value - Mean) / StandardDeviation;
        return -0.5 * z * z;
    }

    /// <inheritdoc />
    public double LogDensityDerivative(double value) => -(value - Mean) / (StandardDeviation * StandardDeviation);
}
