namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// Integrates GP hyper-parameters out by slice sampling their posterior (marginal likelihood times prior), in the
/// manner of Spearmint: a burn-in, then <see cref="SampleCount"/> samples kept every <see cref="Thinning"/> sweeps.
/// The chain continues from where the previous call left it, so after the first call a short burn-in suffices.
/// </summary>
public sealed class SliceSamplingEstimator : IHyperparameterEstimator
{
    private double[]? _state;

    /// <summary>Creates the estimator.</summary>
    /// <param name="sampleCount">The number of samples returned; default 10.</param>
    /// <param name="thinning">The number of sweeps per kept sample; default 1 (every sweep).</param>
    /// <param name="initialBurnIn">The sweeps discarded on the first call (or after the dimension changes); default 50.</param>
    /// <param name="burnIn">The sweeps discarded on later calls, warm-started from the previous chain; default 1.</param>
    public SliceSamplingEstimator(int sampleCount = 10, int thinning = 1, int initialBurnIn = 50, int burnIn = 1)
    {
        SampleCount = sampleCount > 0 ? sampleCount : throw new ArgumentOutOfRangeException(nameof(sampleCount), sampleCount, "Must be positive.");
        Thinning = thinning > 0 ? thinning : throw new ArgumentOutOfRangeException(nameof(thinning), thinning, "Must be positive.");
        InitialBurnIn = initialBurnIn >= 0 ? initialBurnIn : throw new ArgumentOutOfRangeException(nameof(initialBurnIn), initialBurnIn, "Must not be negative.");
        BurnIn = burnIn >= 0 ? burnIn : throw new ArgumentOutOfRangeException(nameof(burnIn), burnIn, "Must not be negative.");
    }

    /// <summary>The number of samples returned.</summary>
    public int SampleCount { get; }

    /// <summary>The number of sweeps per kept sample.</summary>
    public int Thinning { get; }

    /// <summary>The sweeps discarded on the first call.</summary>
    public int InitialBurnIn { get; }

    /// <summary>The sweeps discarded on later calls.</summary>
    public int BurnIn { get; }

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
        var warm = _state is { } s && s.Length == lower.Length && double.IsFinite(gp.LogPosterior(s, default));
        // Every posterior evaluation checks the token: a sweep makes many, so a cancel is felt within one of them.
        var sampler = new SliceSampler(theta =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return gp.LogPosterior(theta, default);
        }, lower, upper);
        var current = warm ? _state! : gp.GetTheta();
        if (!double.IsFinite(gp.LogPosterior(current, default)))
            throw new InvalidOperationException($"The GP's starting hyper-parameters have zero posterior density: {gp}.");
        var burnIn = warm ? BurnIn : InitialBurnIn;
        for (var i = 0; i < burnIn; i++) current = sampler.SweepCoordinates(current, random);
        var samples = new List<double[]>(SampleCount);
        for (var i = 0; i < SampleCount; i++)
        {
            for (var t = 0; t < Thinning; t++) current = sampler.SweepCoordinates(current, random);
            samples.Add(current);
        }
        _state = current;
        gp.SetTheta(current);
        LastEvaluations = sampler.Evaluations;
        return samples;
    }
}
