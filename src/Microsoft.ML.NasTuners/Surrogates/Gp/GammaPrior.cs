namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>A gamma density with a shape and a rate (mean shape/rate). With shape &gt; 1 it vanishes at zero, so a
/// length-scale under this prior is kept from collapsing onto single points.</summary>
public sealed class GammaPrior : IPrior
{
    /// <summary>Creates the prior.</summary>
    /// <param name="shape">The shape k; positive.</param>
    /// <param name="rate">The rate (inverse scale); positive.</param>
    public GammaPrior(double shape, double rate)
    {
        if (!(shape > 0 && double.IsFinite(shape))) throw new ArgumentOutOfRangeException(nameof(shape), shape, "The shape must be positive and finite.");
        if (!(rate > 0 && double.IsFinite(rate))) throw new ArgumentOutOfRangeException(nameof(rate), rate, "The rate must be positive and finite.");
        Shape = shape;
        Rate = rate;
    }

    /// <summary>The shape.</summary>
    public double Shape { get; }

    /// <summary>The rate.</summary>
    public double Rate { get; }

    /// <inheritdoc />
    public double LogDensity(double value) =>
        value > 0 ? (Shape - 1) * Math.Log(value) - Rate * value : double.NegativeInfinity;

    /// <inheritdoc />
    public double LogDensityDerivative(double value) => (Shape - 1) / value - Rate;
}
