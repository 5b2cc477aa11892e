using System.Text.Json.Serialization;

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

    /// <summary>The configuration's id when the tuner tracks configurations (kept across promotions); null otherwise.</summary>
    public int? ConfigId { get; init; }

    /// <summary>The run's cumulative budget after this trial, a continued trial counting only its extra budget; a
    /// trial of a single-fidelity problem counts 1.</summary>
    public double SpentBudget { get; init; }

    /// <summary>The loss; null when the trial failed or its loss was not a finite number.</summary>
    public double? Loss { get; init; }

    /// <summary>The noiseless loss of this trial's configuration on a noisy problem (<see cref="NoisyProblem"/>), whose
    /// <see cref="Loss"/> is a noisy observation; null elsewhere. Absent from the JSON when null, so that the records of
    /// other problems read and write exactly as before it existed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? NoiselessLoss { get; init; }

    /// <summary>The full-fidelity loss of the incumbent, this trial included: the best trial among those run at the
    /// highest budget reached so far (for a single-fidelity problem, the best loss so far). Null before the first
    /// success. It can worsen when the incumbent moves up to a higher budget. On a noisy problem the incumbent is chosen
    /// by its noisy <see cref="Loss"/> and this is its <see cref="NoiselessLoss"/>.</summary>
    public double? Best { get; init; }

    /// <summary>(<see cref="Best"/> - f*) / the problem's regret scale (1 unless it normalises regret); null before the
    /// first success.</summary>
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
