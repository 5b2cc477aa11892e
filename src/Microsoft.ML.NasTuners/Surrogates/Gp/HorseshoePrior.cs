namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// The horseshoe density on a positive value, through its usual closed-form bound
/// log(log(1 + 3 (scale/value)²)): a pole at zero and heavy tails. On the noise variance it lets noiseless
/// objectives drive the noise to (nearly) zero while still allowing real noise.
/// </summary>
public sealed class HorseshoePrior : IPrior
{
    /// <summary>Creates the prior.</summary>
    /// <param name="scale">Where the density turns from its pole to its tail; positive.</param>
    public HorseshoePrior(double scale)
    {
        if (!(scale > 0 && double.IsFinite(scale))) throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be positive and finite.");
        Scale = scale;
    }

    /// <summary>The scale.</summary>
    public double Scale { get; }

    /// <inheritdoc />
    public double LogDensity(double value)
    {
        if (!(value > 0)) return double.NegativeInfinity;
        var q = Scale / value;
        return Math.Log(Math.Log(1 + 3 * q * q));
    }

    /// <inheritdoc />
    public double LogDensityDerivative(double value)
    {
        var q2 = 3 * (Scale / value) * (Scale / value);
        // d/dv log(log(1 + q2)) with dq2/dv = -2 q2 / v.
        return -2 * q2 / (value * (1 + q2) * Math.Log(1 + q2));
    }
}
