using Microsoft.ML.NasTuners.Pruning;

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

    // Where this trial's reports go: the run's log, so the pruner compares them with the other trials'; a trial made by
    // hand (outside a run) keeps its own.
    private PruningLog? _pruning;

    internal PruningLog Pruning
    {
        get => _pruning ??= new PruningLog(null);
        set => _pruning = value;
    }

    /// <summary>Reports a value the trial reached while it runs (the validation loss after an epoch), for the run's
    /// pruner (<see cref="NasExperiment.SetPruner"/>) to compare with the other trials', and returns true when the
    /// trial should stop now: end it with <see cref="Prune"/> (or throw <see cref="TrialPrunedException"/>), and it is
    /// recorded as <see cref="TrialStatus.Pruned"/> with its last reported value as its loss. Lower is better, as for
    /// losses; a step reported twice keeps the last value. Without a pruner it only records the value.</summary>
    /// <param name="step">Where in training: an epoch, an iteration, a number of samples; finite.</param>
    /// <param name="value">The loss at that step; NaN prunes the trial (it diverged).</param>
    /// <exception cref="ArgumentOutOfRangeException">The step is not finite.</exception>
    public bool Report(double step, double value) => Pruning.Report(TrialId, step, value);

    /// <summary>True once the pruner has said, at one of this trial's reports, to stop it.</summary>
    public bool ShouldPrune() => Pruning.WasPruned(TrialId);

    /// <summary>Ends the trial as pruned: throws the <see cref="TrialPrunedException"/> the experiment records as
    /// <see cref="TrialStatus.Pruned"/>.</summary>
    /// <exception cref="TrialPrunedException">Always.</exception>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public void Prune() => throw new TrialPrunedException(Pruning.PrunedBecause(TrialId) ?? $"Trial {TrialId} was pruned by its objective.");

    /// <summary>The values this trial reported, by ascending step.</summary>
    public IReadOnlyList<IntermediateValue> IntermediateValues => Pruning.ValuesOf(TrialId);

    /// <inheritdoc />
    public override string ToString() =>
        $"trial {TrialId}{(ConfigId is { } c ? $" (config {c})" : "")}{(Budget is { } b ? $" (budget {(PreviousBudget is { } p ? $"{p}->" : "")}{b})" : "")}: {Parameter}";
}
