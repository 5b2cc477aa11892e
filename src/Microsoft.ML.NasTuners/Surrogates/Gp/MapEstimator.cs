using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// One point estimate of GP hyper-parameters: the maximum of the posterior density (marginal likelihood times prior),
/// found by L-BFGS-B within the hyper-parameters' bounds from the previous estimate and from
/// <see cref="Restarts"/> perturbed starts. Faster than <see cref="SliceSamplingEstimator"/>, but blind to the
/// uncertainty about length-scales, which early in a run is large.
/// </summary>
public sealed class MapEstimator : IHyperparameterEstimator
{
    private double[]? _previous;

    /// <summary>Creates the estimator.</summary>
    /// <param name="restarts">Starts beside the previous estimate, each the previous estimate with every Theta moved by
    /// a standard normal step; default 2.</param>
    /// <param name="maxIterations">The iteration limit of each L-BFGS-B run; default 100.</param>
    public MapEstimator(int restarts = 2, int maxIterations = 100)
    {
        Restarts = restarts >= 0 ? restarts : throw new ArgumentOutOfRangeException(nameof(restarts), restarts, "Must not be negative.");
        MaxIterations = maxIterations > 0 ? maxIterations : throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, "Must be positive.");
    }

    /// <summary>The number of perturbed starts.</summary>
    public int Restarts { get; }

    /// <summary>The iteration limit of each run.</summary>
    public int MaxIterations { get; }

    /// <summary>The number of log-posterior evaluations of the last call.</summary>
    public long LastEvaluations { get; private set; }

    /// <inheritdoc />
    public IReadOnlyList<double[]> Estimate<TInput>(GaussianProcess<TInput> gp, Random random)
    {
        ArgumentNullException.ThrowIfNull(gp);
        ArgumentNullException.ThrowIfNull(random);
        var (lower, upper) = gp.ThetaBounds();
        var start = _previous is { } p && p.Length == lower.Length ? p : gp.GetTheta();
        var starts = new List<double[]> { start };
        for (var r = 0; r < Restarts; r++)
            starts.Add(start.Select((v, i) => Math.Clamp(v + Normal.Sample(random, 0, 1), lower[i], upper[i])).ToArray());

        var best = start;
        var bestValue = double.PositiveInfinity;
        long evaluations = 0;
        var gradient = new double[lower.Length];
        (double, Vector<double>) Objective(Vector<double> theta)
        {
            evaluations++;
            var t = theta.ToArray();
            var value = -gp.LogPosterior(t, gradient);
            if (!double.IsFinite(value))
                return (1e10, Vector<double>.Build.Dense(t.Length));
            if (value < bestValue)
            {
                bestValue = value;
                best = t;
            }
            return (value, Vector<double>.Build.Dense(gradient.Select(g => -g).ToArray()));
        }

        var lowerVector = Vector<double>.Build.Dense(lower);
        var upperVector = Vector<double>.Build.Dense(upper);
        foreach (var s in starts)
        {
            var minimizer = new BfgsBMinimizer(1e-5, 1e-6, 1e-7, MaxIterations);
            try
            {
                minimizer.FindMinimum(ObjectiveFunction.Gradient(Objective), lowerVector, upperVector, Vector<double>.Build.Dense(s));
            }
            catch (Exception e) when (e is MaximumIterationsException or OptimizationException or ArgumentException or InvalidOperationException)
            {
                // A failed line search still leaves the best point seen in `best`.
            }
        }
        if (double.IsPositiveInfinity(bestValue))
            throw new InvalidOperationException($"No hyper-parameters with a finite posterior density were found: {gp}.");
        _previous = best;
        gp.SetTheta(best);
        LastEvaluations = evaluations;
        return [best];
    }
}
