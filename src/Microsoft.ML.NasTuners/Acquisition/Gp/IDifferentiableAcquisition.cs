namespace Microsoft.ML.NasTuners.Acquisition.Gp;

/// <summary>An acquisition function over points of the unit cube (larger is better) with a gradient, as
/// <see cref="AcquisitionOptimizer"/> maximises it.</summary>
public interface IDifferentiableAcquisition
{
    /// <summary>The number of coordinates of a point.</summary>
    int Dimension { get; }

    /// <summary>The values at many points at once.</summary>
    double[] Evaluate(IReadOnlyList<double[]> points);

    /// <summary>The value at <paramref name="x"/>, with its gradient written into <paramref name="gradient"/>.</summary>
    double EvaluateWithGradient(double[] x, Span<double> gradient);
}
