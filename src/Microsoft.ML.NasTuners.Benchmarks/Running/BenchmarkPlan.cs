namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>What to run: every problem with every tuner and every seed, each for <see cref="Trials"/> trials.</summary>
public sealed record BenchmarkPlan
{
    /// <summary>Problem names (see <see cref="BenchmarkProblems.Names"/>).</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>Tuner names (see <see cref="TunerRegistry.Names"/>).</summary>
    public required IReadOnlyList<string> Tuners { get; init; }

    /// <summary>Seeds, distinct.</summary>
    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>Trials per run, at least 1. Default 100.</summary>
    public int Trials { get; init; } = 100;

    /// <summary>Simulated workers per run, at least 1: this many trials are pending at once. Default 1.</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>Runs executed at once on separate threads, at least 1; results do not depend on it. Default: the
    /// number of processors.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
