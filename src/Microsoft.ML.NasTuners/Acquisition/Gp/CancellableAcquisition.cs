namespace Microsoft.ML.NasTuners.Acquisition.Gp;

/// <summary>An acquisition that checks a cancellation token on every evaluation, so an optimiser that evaluates it
/// thousands of times gives up soon after a cancel without knowing about tokens.</summary>
internal sealed class CancellableAcquisition(IDifferentiableAcquisition inner, CancellationToken cancellationToken) : IDifferentiableAcquisition
{
    public int Dimension => inner.Dimension;

    public double[] Evaluate(IReadOnlyList<double[]> points)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return inner.Evaluate(points);
    }

    public double EvaluateWithGradient(double[] x, Span<double> gradient)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return inner.EvaluateWithGradient(x, gradient);
    }
}
