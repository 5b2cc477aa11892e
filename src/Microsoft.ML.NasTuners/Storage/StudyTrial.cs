using Microsoft.ML.NasTuners.Pruning;

namespace Microsoft.ML.NasTuners.Storage;

/// <summary>
/// One trial as a study keeps it: what was proposed, and how it ended once it has. A store writes it twice, as
/// <see cref="TrialStatus.Running"/> when it starts and again when it finishes, so a history read back can be replayed
/// into a tuner (<see cref="ToSettings"/>, <see cref="ToResult"/>) after the process that ran it is gone.
/// </summary>
public sealed record StudyTrial
{
    /// <summary>The trial's id within its study. A negative id given to <see cref="ITrialStore.StartTrial"/> asks the
    /// store for the next free one.</summary>
    public required int Id { get; init; }

    /// <summary>The proposed parameter.</summary>
    public required Parameter Parameter { get; init; }

    /// <summary>The budget for multi-fidelity runs; null means the full budget.</summary>
    public double? Budget { get; init; }

    /// <summary>The configuration's identity when the tuner tracks configurations across budgets.</summary>
    public int? ConfigId { get; init; }

    /// <summary>The lower budget this configuration continued from, or null for a fresh start.</summary>
    public double? PreviousBudget { get; init; }

    /// <summary>How the trial ended, or <see cref="TrialStatus.Running"/> while it runs (or when its process died).</summary>
    public TrialStatus Status { get; init; } = TrialStatus.Running;

    /// <summary>The loss; NaN when there is none.</summary>
    public double Loss { get; init; } = double.NaN;

    /// <summary>The reported metric; NaN when there is none.</summary>
    public double Metric { get; init; } = double.NaN;

    /// <summary>The budget the trial consumed, when the run has budgets.</summary>
    public double? SpentBudget { get; init; }

    /// <summary>Wall-clock duration in milliseconds.</summary>
    public double DurationMs { get; init; }

    /// <summary>The exception text of a failed trial, or why it was stopped.</summary>
    public string? Error { get; init; }

    /// <summary>When the trial started. A store fills <c>default</c> with the time it writes the trial.</summary>
    public DateTime StartedAtUtc { get; init; }

    /// <summary>When the trial ended; null while it runs.</summary>
    public DateTime? EndedAtUtc { get; init; }

    /// <summary>Free text a tuner or user may attach, for example which sub-tuner proposed the trial.</summary>
    public string? Note { get; init; }

    /// <summary>The values the trial reported while it ran, by ascending step, as <see cref="ITrialStore.GetTrials"/>
    /// reads them back. They are written one at a time by <see cref="ITrialStore.ReportIntermediateValue"/>;
    /// <see cref="ITrialStore.StartTrial"/> and <see cref="ITrialStore.FinishTrial"/> leave them as they are, so a trial
    /// read back can be finished without its curve being written twice.</summary>
    public IReadOnlyList<IntermediateValue> IntermediateValues { get; init; } = [];

    /// <summary>A running trial from a tuner's proposal.</summary>
    public static StudyTrial FromSettings(TrialSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new StudyTrial
        {
            Id = settings.TrialId,
            Parameter = Copy(settings.Parameter),
            Budget = settings.Budget,
            ConfigId = settings.ConfigId,
            PreviousBudget = settings.PreviousBudget,
            StartedAtUtc = settings.StartedAtUtc,
        };
    }

    /// <summary>This trial with the outcome of <paramref name="result"/>. The id, parameter and budget stay this trial's,
    /// since the store numbers trials itself; the previous budget is taken from the result because the experiment
    /// clears it when no saved state was found, and the history should say the trial started afresh.</summary>
    /// <exception cref="ArgumentException">The result's status is <see cref="TrialStatus.Running"/>.</exception>
    public StudyTrial Finished(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Status == TrialStatus.Running)
            throw new ArgumentException($"Trial {Id} cannot finish with status {TrialStatus.Running}.", nameof(result));
        return this with
        {
            Status = result.Status,
            Loss = result.Loss,
            Metric = result.Metric,
            SpentBudget = result.SpentBudget,
            DurationMs = result.DurationInMilliseconds,
            Error = result.Error,
            PreviousBudget = result.TrialSettings.PreviousBudget,
            EndedAtUtc = result.TrialSettings.EndedAtUtc ?? DateTime.UtcNow,
        };
    }

    /// <summary>The trial as a tuner saw it when proposing. The parameter is a copy: tuners may edit the settings they
    /// are handed, and that must not change the history.</summary>
    public TrialSettings ToSettings() => new()
    {
        TrialId = Id,
        Parameter = Copy(Parameter),
        StartedAtUtc = StartedAtUtc,
        EndedAtUtc = EndedAtUtc,
        Budget = Budget,
        ConfigId = ConfigId,
        PreviousBudget = PreviousBudget,
    };

    /// <summary>The result to tell a tuner, or null while the trial is still <see cref="TrialStatus.Running"/>.</summary>
    public TrialResult? ToResult() => Status == TrialStatus.Running
        ? null
        : new TrialResult
        {
            TrialSettings = ToSettings(),
            Loss = Loss,
            Metric = Metric,
            DurationInMilliseconds = DurationMs,
            Status = Status,
            SpentBudget = SpentBudget,
            Error = Error,
        };

    // Parameter is mutable; a copy through its JSON keeps the record's value from changing under it.
    internal static Parameter Copy(Parameter parameter) => Parameter.Parse(parameter.ToString());
}
