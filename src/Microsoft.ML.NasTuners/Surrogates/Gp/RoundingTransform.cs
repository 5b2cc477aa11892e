namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// Maps a point of the unit cube to the valid point it stands for: integers to their value, one-hot groups to the
/// largest choice, inactive conditional dimensions to their fixed value (Garrido-Merchán &amp; Hernández-Lobato 2020).
/// Inside the kernel this makes the GP, and so the acquisition, constant between valid values: the optimiser cannot
/// be lured to a non-existent point between two integers. Only continuous active columns have a non-zero derivative.
/// </summary>
public sealed class RoundingTransform : IInputTransform
{
    /// <summary>Creates the transform for an encoding.</summary>
    public RoundingTransform(ModelViewEncoding encoding) => Encoding = encoding ?? throw new ArgumentNullException(nameof(encoding));

    /// <summary>The encoding whose valid points this transform rounds to.</summary>
    public ModelViewEncoding Encoding { get; }

    /// <inheritdoc />
    public int Dimension => Encoding.Dimension;

    /// <inheritdoc />
    public IReadOnlyList<Hyperparameter> Hyperparameters => [];

    /// <inheritdoc />
    public void Transform(ReadOnlySpan<double> x, Span<double> result) => Encoding.Canonicalize(x).CopyTo(result);

    /// <inheritdoc />
    public void Derivative(ReadOnlySpan<double> x, Span<double> result)
    {
        var values = Encoding.Decode(x);
        for (var c = 0; c < Dimension; c++)
            result[c] = Encoding.IsContinuousColumn(c) && !double.IsNaN(values[Encoding.DimensionOfColumn(c)]) ? 1 : 0;
    }

    /// <inheritdoc />
    public void HyperparameterDerivative(ReadOnlySpan<double> x, int parameter, Span<double> result) =>
        throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "The rounding transform has no hyper-parameters.");

    /// <inheritdoc />
    public IInputTransform Clone() => this;
}
