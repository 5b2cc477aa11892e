using MathNet.Numerics.Distributions;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// A single-fidelity problem observed through additive Gaussian noise: each evaluation returns f(x) + ε with
/// ε ~ N(0, σ²) drawn afresh, while <see cref="IBenchmarkProblem.EvaluateFullFidelity"/> returns the noiseless f(x).
/// The tuner and the incumbent see only the noisy observations; the benchmark scores the incumbent, so chosen, by its
/// noiseless value (<see cref="TrialRecord.NoiselessLoss"/>), which is what a user of the configuration gets.
/// </summary>
/// <remarks>The noise stream is seeded by the run's seed (mixed, so that it is not the tuner's own stream): a run
/// reproduces, and different seeds see different noise.</remarks>
public sealed class NoisyProblem : IBenchmarkProblem
{
    private readonly IBenchmarkProblem _inner;
    private readonly Random _noise;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">A single-fidelity problem.</param>
    /// <param name="name">The registry name of the noisy problem.</param>
    /// <param name="noiseStdDev">σ, the noise's standard deviation, at least 0.</param>
    /// <param name="seed">The run's seed, which seeds the noise.</param>
    /// <exception cref="ArgumentException">The problem has budgets.</exception>
    /// <exception cref="ArgumentOutOfRangeException">σ is negative or not finite.</exception>
    public NoisyProblem(IBenchmarkProblem inner, string name, double noiseStdDev, int seed)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (inner.MaxBudget is not null)
            throw new ArgumentException($"Problem '{inner.Name}' has budgets; the noise wrapper takes single-fidelity problems.", nameof(inner));
        if (!(noiseStdDev >= 0 && double.IsFinite(noiseStdDev)))
            throw new ArgumentOutOfRangeException(nameof(noiseStdDev), noiseStdDev, "The noise's standard deviation must be a finite number at least 0.");
        _inner = inner;
        Name = name;
        NoiseStdDev = noiseStdDev;
        _noise = new Random(unchecked(seed * -1640531535 + 0x5EED));
    }

    /// <summary>σ, the standard deviation of the additive noise.</summary>
    public double NoiseStdDev { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Description => $"{_inner.Name} observed with additive Gaussian noise, sigma = {NoiseStdDev:G3}; regret on the noiseless value";

    /// <inheritdoc />
    public SearchSpace SearchSpace => _inner.SearchSpace;

    /// <inheritdoc />
    public double OptimalValue => _inner.OptimalValue;

    /// <inheritdoc />
    public double? MinBudget => null;

    /// <inheritdoc />
    public double? MaxBudget => null;

    /// <inheritdoc />
    public double RegretScale => _inner.RegretScale;

    /// <summary>One noisy observation: f(x) + ε.</summary>
    public double Evaluate(Parameter parameter, double? budget = null) =>
        _inner.Evaluate(parameter, budget) + Normal.Sample(_noise, 0, NoiseStdDev);

    /// <summary>The noiseless f(x).</summary>
    public double EvaluateFullFidelity(Parameter parameter) => _inner.Evaluate(parameter, null);
}
