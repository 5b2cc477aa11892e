namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// A map applied to every input before a kernel sees it (rounding to valid values, warping, ...), with
/// hyper-parameters of its own that are estimated with the kernel's. Transforms act on each coordinate
/// separately or are piecewise constant, so their Jacobian is diagonal; that keeps gradients cheap.
/// </summary>
public interface IInputTransform
{
    /// <summary>The number of coordinates of an input (the same before and after).</summary>
    int Dimension { get; }

    /// <summary>The transform's hyper-parameters (empty when it has none).</summary>
    IReadOnlyList<Hyperparameter> Hyperparameters { get; }

    /// <summary>Writes the transformed point into <paramref name="result"/>.</summary>
    void Transform(ReadOnlySpan<double> x, Span<double> result);

    /// <summary>Writes the diagonal of the Jacobian at <paramref name="x"/> into <paramref name="result"/>.</summary>
    void Derivative(ReadOnlySpan<double> x, Span<double> result);

    /// <summary>Writes the derivative of the transformed point with respect to Theta of hyper-parameter
    /// <paramref name="parameter"/> into <paramref name="result"/>.</summary>
    void HyperparameterDerivative(ReadOnlySpan<double> x, int parameter, Span<double> result);

    /// <summary>A deep copy with the same hyper-parameter values.</summary>
    IInputTransform Clone();
}
