using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// One point estimate of GP hyper-parameters: the maximum of the posterior density (marginal likelihood times prior),
/// found by L-BFGS-B within the hyper-parameters' bounds from the previous estimate and, on the first call and every
/// <see cref="RestartInterval"/>-th call after, from <see cref="Restarts"/> perturbed starts as well. Faster than
/// <see cref="SliceSamplingEstimator"/>, but blind to the uncertainty about length-scales, which early in a run is large.
/// </summary>
/// <remarks>
/// The objective is the log posterior per observation, with loose stopping tolerances (relative gradient 1e-2): the
/// acquisition does not notice hyper-parameters that far from the optimum, and a warm start from the previous trial's
/// estimate then usually stops after a few evaluations, each of which costs an inverse of the covariance matrix.
/// </remarks>
public sealed class MapEstimator : IHyperparameterEstimator
{
    private const double GradientTolerance = 1e-2;
    private const double ParameterTolerance = 1e-3;
    private const double FunctionTolerance = 1e-4;

    private double[]? _previous;
    private int _calls;

    /// <summary>Creates the estimator.</summary>
    /// <param name="restarts">Starts beside the previous estimate, each the previous estimate with every Theta moved by
    /// a standard normal step; default 2.</param>
    /// <param name="restartInterval">Restarts happen on the first call and every this many calls after; default 5.</param>
    /// <param name="maxIterations">The iteration limit of each L-BFGS-B run; default 100.</param>
    public MapEstimator(int restarts = 2, int restartInterval = 5, int maxIterations = 100)
    {
        Restarts = restarts >= 0 ? restarts : throw new ArgumentOutOfRangeException(nameof(restarts), restarts, "Must not be negative.");
        RestartInterval = restartInterval > 0 ? restartInterval : throw new ArgumentOutOfRangeException(nameof(restartInterval), restartInterval, "Must be positive.");
        MaxIterations = maxIterations > 0 ? maxIterations : throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, "Must be positive.");
    }

    /// <summary>The number of perturbed starts.</summary>
    public int Restarts { get; }

    /// <summary>Restarts happen on the first call and every this many calls after.</summary>
    public int RestartInterval { get; }

    /// <summary>The iteration limit of each run.</summary>
    public int MaxIterations { get; }

    /// <summary>The number of log-posterior evaluations of the last call.</summary>
    public long LastEvaluations { get; private set; }

    /// <inheritdoc />
    public IReadOnlyList<double[]> Estimate<TInput>(GaussianProcess<TInput> gp, Random random) =>
        Estimate(gp, random, CancellationToken.None);

    /// <inheritdoc />
    public IReadOnlyList<double[]> Estimate<TInput>(GaussianProcess<TInput> gp, Random random, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gp);
        ArgumentNullException.ThrowIfNull(random);
        var (lower, upper) = gp.ThetaBounds();
        var start = _previous is { } p && p.Length == lower.Length ? p : gp.GetTheta();
        var starts = new List<double[]> { start };
        var restart = _calls++ % RestartInterval == 0;
        for (var r = 0; r < (restart ? Restarts : 0); r++)
            starts.Add(start.Select((v, i) => Math.Clamp(v + Normal.Sample(random, 0, 1), lower[i], upper[i])).ToArray());

        var best = start;
        var bestValue = double.PositiveInfinity;
        long evaluations = 0;
        var gradient = new double[lower.Length];
        // Per observation, the log posterior and its gradient are O(1) whatever the data size, so the first
        // quasi-Newton step (taken with an identity Hessian) is of a sensible length instead of overshooting.
        var scale = 1.0 / gp.Count;
        (double, Vector<double>) Objective(Vector<double> theta)
        {
            cancellationToken.ThrowIfCancellationRequested();
            evaluations++;
            var t = theta.ToArray();
            var value = -gp.LogPosterior(t, gradient) * scale;
            if (!double.IsFinite(value))
                return (1e10, Vector<double>.Build.Dense(t.Length));
            if (value < bestValue)
            {
                bestValue = value;
                best = t;
            }
            return (value, Vector<double>.Build.Dense(gradient.Select(g => -g * scale).ToArray()));
        }

        var lowerVector = Vector<double>.Build.Dense(lower);
        var upperVector = Vector<double>.Build.Dense(upper);
        foreach (var s in starts)
        {
            var minimizer = new BfgsBMinimizer(GradientTolerance, ParameterTolerance, FunctionTolerance, MaxIterations);
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
