namespace Microsoft.ML.NasTuners;

/// <summary>What a trial is: its id, the proposed parameter, when it ran and, for multi-fidelity runs, its budget.</summary>
public sealed class TrialSettings
{
    /// <summary>The trial's id, unique within a run, in order of proposal.</summary>
    public int TrialId { get; init; }

    /// <summary>The proposed parameter (set once the tuner has proposed it).</summary>
    public Parameter Parameter { get; set; } = Parameter.CreateNestedParameter();

    /// <summary>When the trial started.</summary>
    public DateTime StartedAtUtc { get; set; }

    /// <summary>When the trial ended; null while it runs.</summary>
    public DateTime? EndedAtUtc { get; set; }

    /// <summary>The budget (epochs, samples, ...) for multi-fidelity runs; null means the full budget.</summary>
    public double? Budget { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"trial {TrialId}{(Budget is { } b ? $" (budget {b})" : "")}: {Parameter}";
}
