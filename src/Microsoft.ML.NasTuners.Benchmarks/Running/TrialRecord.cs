namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>One trial of a benchmark run, as written to JSONL (one object per line, camelCase names).</summary>
public sealed record TrialRecord
{
    /// <summary>The problem's name.</summary>
    public required string Problem { get; init; }

    /// <summary>The tuner's name.</summary>
    public required string Tuner { get; init; }

    /// <summary>The run's seed.</summary>
    public required int Seed { get; init; }

    /// <summary>The trial's index in the run, from 0, in order of proposal.</summary>
    public required int Trial { get; init; }

    /// <summary>The budget the trial ran at (the full budget when the tuner set none); null for single-fidelity problems.</summary>
    public double? Budget { get; init; }

    /// <summary>The loss; null when the trial failed or its loss was not a finite number.</summary>
    public double? Loss { get; init; }

    /// <summary>The best loss so far at full budget, this trial included; null before the first success.
    /// Lower budgets do not count: a cheap, noisy evaluation may fall below f*.</summary>
    public double? Best { get; init; }

    /// <summary><see cref="Best"/> - f*; null before the first success.</summary>
    public double? Regret { get; init; }

    /// <summary>Wall-clock milliseconds the tuner took to propose this trial.</summary>
    public double ProposeMs { get; init; }

    /// <summary>Wall-clock milliseconds the objective took.</summary>
    public double EvalMs { get; init; }

    /// <summary>How the trial ended.</summary>
    public TrialStatus Status { get; init; }

    /// <summary>The exception of a failed trial (type and message); null otherwise.</summary>
    public string? Error { get; init; }

    /// <summary>The proposed parameter.</summary>
    public Parameter? Parameter { get; init; }
}
