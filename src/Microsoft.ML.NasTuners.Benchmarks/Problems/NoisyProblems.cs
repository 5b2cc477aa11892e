namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// The registered noisy problems: branin, hartmann3 and hartmann6 observed with additive Gaussian noise at two levels,
/// σ = 1 % and 10 % of the objective's spread, named <c>{problem}_noise01</c> and <c>{problem}_noise10</c>.
/// </summary>
/// <remarks>The spread is the standard deviation of f under uniform sampling of the box, estimated once from 100 000
/// random-search points (seed 1) and rounded to three digits: branin 51.5, hartmann3 0.957, hartmann6 0.385. Tying σ
/// to it makes "1 %" mean the same difficulty on problems whose values differ by two orders of magnitude.</remarks>
public static class NoisyProblems
{
    /// <summary>The noise levels, in percent of the spread.</summary>
    public static IReadOnlyList<int> Percents { get; } = [1, 10];

    private static readonly (string Problem, double Spread)[] Spreads =
    [
        ("branin", 51.5),
        ("hartmann3", 0.957),
        ("hartmann6", 0.385),
    ];

    /// <summary>Every noisy problem: its name, the problem it wraps, σ, and how to build it for a run's seed.</summary>
    public static IReadOnlyList<NoiseLevel> Levels { get; } =
        (from spread in Spreads
         from percent in Percents
         select new NoiseLevel(spread.Problem, percent, spread.Spread * percent / 100.0)).ToArray();

    /// <summary>The spread of f over the box for the problems that have noisy variants.</summary>
    public static double SpreadOf(string problem) => Spreads.Single(s => s.Problem == problem).Spread;
}

/// <summary>One noisy problem: <paramref name="Problem"/> observed with noise of standard deviation
/// <paramref name="StdDev"/> (<paramref name="Percent"/> % of its spread).</summary>
public sealed record NoiseLevel(string Problem, int Percent, double StdDev)
{
    /// <summary>The registry name, for example <c>branin_noise10</c>.</summary>
    public string Name => $"{Problem}_noise{Percent:00}";

    /// <summary>A new instance for a run with <paramref name="seed"/>.</summary>
    public NoisyProblem Create(int seed) => new(BenchmarkProblems.Create(Problem), Name, StdDev, seed);
}
