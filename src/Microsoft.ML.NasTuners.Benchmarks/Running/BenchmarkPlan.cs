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

    /// <summary>Trials per run, at least 1 (with <see cref="BudgetLimit"/>, the most trials). Default 100.</summary>
    public int Trials { get; init; } = 100;

    /// <summary>When set, a run stops proposing once it has spent (or has pending) this many full budgets (the
    /// problem's maximum budget; 1 trial for a single-fidelity problem) instead of after <see cref="Trials"/>
    /// trials. Default null.</summary>
    public double? BudgetLimit { get; init; }

    /// <summary>Charge a trial that continues a configuration from a lower budget only its extra budget, as an
    /// objective that resumes training would spend. Default true.</summary>
    public bool CountContinuation { get; init; } = true;

    /// <summary>The OpenML task of <c>yahpo_lcbench</c>. Default <see cref="YahpoLcBenchProblem.DefaultTask"/> (3945).</summary>
    public string YahpoTask { get; init; } = YahpoLcBenchProblem.DefaultTask;

    /// <summary>Simulated workers per run, at least 1: this many trials are pending at once. Default 1.</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>Runs executed at once on separate threads, at least 1; results do not depend on it. Default: the
    /// number of processors.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
