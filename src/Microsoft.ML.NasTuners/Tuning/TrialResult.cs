namespace Microsoft.ML.NasTuners;

/// <summary>How a trial ended: its loss (minimised), an optional metric, its duration and status.</summary>
public sealed class TrialResult
{
    /// <summary>The trial.</summary>
    public required TrialSettings TrialSettings { get; init; }

    /// <summary>The loss to minimise; NaN when the trial produced none.</summary>
    public double Loss { get; init; } = double.NaN;

    /// <summary>A metric to report beside the loss (for example accuracy); NaN when none.</summary>
    public double Metric { get; init; } = double.NaN;

    /// <summary>Wall-clock duration of the trial.</summary>
    public double DurationInMilliseconds { get; init; }

    /// <summary>How the trial ended.</summary>
    public TrialStatus Status { get; init; } = TrialStatus.Succeeded;

    /// <summary>The budget the trial consumed: <see cref="TrialSettings.Budget"/>, or only the part above
    /// <see cref="TrialSettings.PreviousBudget"/> when it continued from a lower-budget state. An
    /// <see cref="ITrialRunner"/> may report it; the experiment fills it from the budget otherwise. Null when the run
    /// has no budgets.</summary>
    public double? SpentBudget { get; init; }

    /// <summary>The exception text of a failed trial, or why it was stopped.</summary>
    public string? Error { get; init; }

    /// <summary>True when the trial succeeded with a finite loss, the only results a model should learn a value from
    /// (<see cref="TrialStatusRules.IsModelled"/>).</summary>
    public bool HasUsableLoss => TrialStatusRules.IsModelled(this);

    /// <inheritdoc />
    /// <summary>The result of an asked trial told now (ask/tell): it ends at this moment, lasted since it started, and
    /// spent its budget above the one it continued from.</summary>
    internal static TrialResult ToldNow(TrialSettings settings, double loss, double metric, TrialStatus status, string? error)
    {
        settings.EndedAtUtc = DateTime.UtcNow;
        return new TrialResult
        {
            TrialSettings = settings,
            Loss = loss,
            Metric = metric,
            Status = status,
            Error = error,
            DurationInMilliseconds = (settings.EndedAtUtc.Value - settings.StartedAtUtc).TotalMilliseconds,
            SpentBudget = settings.Budget is { } b ? b - (settings.PreviousBudget ?? 0) : null,
        };
    }

    public override string ToString() => $"{TrialSettings}: {Status} loss={Loss}{(Error is null ? "" : $" ({Error})")}";
}
