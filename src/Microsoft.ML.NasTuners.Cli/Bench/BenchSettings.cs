using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Cli.Bench;

/// <summary>The validated options of one <c>bench</c> invocation.</summary>
internal sealed record BenchSettings
{
    /// <summary>Problem names, distinct and known.</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>Problems of <c>--problem all</c> left out because their data set is missing, each with the reason.</summary>
    public IReadOnlyList<(string Problem, string Reason)> MissingData { get; init; } = [];

    /// <summary>Tuner names, distinct and known.</summary>
    public required IReadOnlyList<string> Tuners { get; init; }

    /// <summary>Seeds, distinct, ascending.</summary>
    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>Trials per run.</summary>
    public int Trials { get; init; }

    /// <summary>Simulated workers per run.</summary>
    public int Parallel { get; init; }

    /// <summary>Runs at once on separate threads.</summary>
    public int Threads { get; init; }

    /// <summary>Full-budget equivalents per run instead of a trial count, or null.</summary>
    public double? BudgetLimit { get; init; }

    /// <summary>Charge continued trials only their extra budget.</summary>
    public bool CountContinuation { get; init; } = true;

    /// <summary>The OpenML task of yahpo_lcbench.</summary>
    public string YahpoTask { get; init; } = YahpoLcBenchProblem.DefaultTask;

    /// <summary>The baseline file to write after the run (for <c>--verify</c>), or null for none.</summary>
    public string? BaselinePath { get; init; }

    /// <summary>The JSON Lines file to write, or null for none.</summary>
    public string? OutputPath { get; init; }

    /// <summary>Continue <see cref="OutputPath"/>: keep its complete runs and run only the others, appending.</summary>
    public bool Resume { get; init; }
}
