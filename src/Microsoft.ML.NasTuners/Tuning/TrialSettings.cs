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

    /// <summary>The budget (epochs, samples, ...) for multi-fidelity runs; null means the full budget. A
    /// multi-fidelity tuner writes it in <see cref="ITuner.Propose(TrialSettings)"/>; an experiment with a budget range
    /// (<see cref="NasExperiment.SetBudget"/>) sets it to the maximum when the tuner leaves it null.</summary>
    public double? Budget { get; set; }

    /// <summary>The identity of the configuration, set by a tuner that tracks configurations: a configuration promoted
    /// to a higher budget keeps its id, and distinct configurations get distinct ids. Null when the tuner does not
    /// track them (every trial is then a new configuration).</summary>
    public int? ConfigId { get; set; }

    /// <summary>When the same configuration (<see cref="ConfigId"/>) already ran at a lower budget, that budget: the
    /// trial may continue training from the state it reached there rather than start afresh. Null for a fresh start.
    /// The experiment clears it before the objective runs when a continuable objective finds no saved state to
    /// continue from (see <c>NasExperiment.SetContinuableObjective</c>).</summary>
    public double? PreviousBudget { get; set; }

    /// <inheritdoc />
    public override string ToString() =>
        $"trial {TrialId}{(ConfigId is { } c ? $" (config {c})" : "")}{(Budget is { } b ? $" (budget {(PreviousBudget is { } p ? $"{p}->" : "")}{b})" : "")}: {Parameter}";
}
