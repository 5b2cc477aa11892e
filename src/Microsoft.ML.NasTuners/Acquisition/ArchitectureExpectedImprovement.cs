using Microsoft.ML.NasTuners.Surrogates;

namespace Microsoft.ML.NasTuners.Acquisition;

/// <summary>
/// The log of the expected improvement over the best modelled loss, under an <see cref="IArchitectureSurrogate"/>,
/// averaged over the surrogate's predictions (one per hyper-parameter sample). Pending points enter by the kriging
/// believer: each is added to the model at its predicted mean without re-estimating hyper-parameters, which lowers
/// the expected improvement around it.
/// </summary>
public sealed class ArchitectureExpectedImprovement : IArchitectureAcquisition
{
    private double _best = double.PositiveInfinity;

    /// <summary>Creates the acquisition.</summary>
    /// <param name="surrogate">The model of the loss.</param>
    public ArchitectureExpectedImprovement(IArchitectureSurrogate surrogate)
    {
        Surrogate = surrogate ?? throw new ArgumentNullException(nameof(surrogate));
    }

    /// <summary>The model of the loss.</summary>
    public IArchitectureSurrogate Surrogate { get; }

    /// <inheritdoc />
    public void Fit(IReadOnlyList<Parameter> points, IReadOnlyList<double> losses, IReadOnlyList<Parameter> pending, Random random)
    {
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(pending);
        Surrogate.Fit(points, losses, random);
        _best = losses.Min();
        if (pending.Count == 0) return;
        var predictions = Surrogate.Predict(pending);
        var believed = Enumerable.Range(0, pending.Count).Select(i => predictions.Average(p => p.Mean[i])).ToList();
        Surrogate.Believe(pending, believed, random);
    }

    /// <inheritdoc />
    /// <remarks>Averaged in log space, so that tiny expected improvements still rank.</remarks>
    public double[] Score(IReadOnlyList<Parameter> candidates)
    {
        var predictions = Surrogate.Predict(candidates);
        var result = new double[candidates.Count];
        var logs = new double[predictions.Count];
        for (var i = 0; i < result.Length; i++)
        {
            for (var s = 0; s < logs.Length; s++)
            {
                var p = predictions[s];
                logs[s] = ExpectedImprovement.Log(p.Mean[i], Math.Sqrt(Math.Max(p.Variance[i], 0)), _best);
            }
            result[i] = LogMeanExp.Of(logs);
        }
        return result;
    }
}
