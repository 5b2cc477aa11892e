using Microsoft.ML.NasTuners.Pruning;

namespace Microsoft.ML.NasTuners.Benchmarks.Pruning;

/// <summary>The pruners the command line offers, by name, each with its defaults: one place for <c>nas-tuners
/// pruning</c> and <c>nas-tuners worker --pruner</c>.</summary>
public static class BenchmarkPruners
{
    /// <summary>Every name <see cref="Create"/> takes.</summary>
    public static IReadOnlyList<string> Names { get; } = ["none", "median", "percentile", "asha", "hyperband"];

    /// <summary>The percentile of <c>percentile</c>: it keeps trials in the best quarter.</summary>
    public const double Percentile = 25;

    /// <summary>The pruner a name stands for; null for none.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="minEpochs">The first step a trial reports (ASHA's first rung, Hyperband's smallest).</param>
    /// <param name="maxEpochs">The step a full training reaches (Hyperband's largest).</param>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static IPruner? Create(string name, double minEpochs, double maxEpochs) => name switch
    {
        "none" => null,
        "median" => new MedianPruner(),
        "percentile" => new PercentilePruner(new PercentilePrunerOptions { Percentile = Percentile }),
        "asha" => new SuccessiveHalvingPruner(minEpochs),
        "hyperband" => new HyperbandPruner(minEpochs, maxEpochs),
        _ => throw new ArgumentException($"Unknown pruner '{name}'. Valid pruners: {string.Join(", ", Names)}.", nameof(name)),
    };
}
