using System.Globalization;
using System.Text;

namespace Microsoft.ML.NasTuners;

/// <summary>What a run did: every trial it started, the best one and why it stopped.</summary>
public sealed class ExperimentResult
{
    private const int ErrorsShown = 5;

    internal ExperimentResult(IReadOnlyList<TrialResult> trials, TrialResult? bestTrial, StopReason stopReason,
        TimeSpan elapsed, Exception? fault, BudgetRange? budget = null, IReadOnlyList<AbandonedTrial>? abandoned = null)
    {
        AbandonedTrials = abandoned ?? [];
        Trials = trials;
        BudgetRange = budget;
        TotalBudgetSpent = trials.Sum(t => t.SpentBudget ?? 0);
        BestTrial = bestTrial;
        StopReason = stopReason;
        Elapsed = elapsed;
        Fault = fault;
    }

    /// <summary>Every trial the run started, in id order (ids count from 0 in order of proposal), whatever its status.</summary>
    public IReadOnlyList<TrialResult> Trials { get; }

    /// <summary>The succeeded trial with the lowest loss (the earliest on a tie); null when no trial succeeded.
    /// Failed, timed-out, cancelled and pruned trials, and NaN or infinite losses, never count. With budgets, a loss
    /// counts only against losses at the same budget: the best trial is the best of those run at the highest budget
    /// that any succeeded trial reached.</summary>
    public TrialResult? BestTrial { get; }

    /// <summary>The loss of <see cref="BestTrial"/>; NaN when no trial succeeded.</summary>
    public double BestLoss => BestTrial?.Loss ?? double.NaN;

    /// <summary>True when at least one trial succeeded with a finite loss.</summary>
    public bool HasSucceededTrial => BestTrial is not null;

    /// <summary>The budgets of the run (<see cref="NasExperiment.SetBudget"/> or the multi-fidelity tuner's); null
    /// when it had none.</summary>
    public BudgetRange? BudgetRange { get; }

    /// <summary>The budget all trials spent together (the sum of <see cref="TrialResult.SpentBudget"/>): a trial that
    /// continued from a lower-budget state counts only its extra budget. 0 when the run had no budgets.</summary>
    public double TotalBudgetSpent { get; }

    /// <summary><see cref="TotalBudgetSpent"/> in full-budget equivalents (divided by the maximum budget); NaN when
    /// the run had no budgets.</summary>
    public double FullBudgetEquivalents => BudgetRange is { } range ? TotalBudgetSpent / range.Max : double.NaN;

    /// <summary>Why the run stopped.</summary>
    public StopReason StopReason { get; }

    /// <summary>How long the run took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>When <see cref="StopReason"/> is <see cref="StopReason.Faulted"/>: an
    /// <see cref="InvalidOperationException"/> saying which part threw (tuner, monitor, progress sink), with the
    /// original exception inside. Null otherwise.</summary>
    public Exception? Fault { get; }

    /// <summary>The trials whose objective did not stop when asked (it timed out, or the run stopped) and was left
    /// running: their work may outlive <see cref="NasExperiment.RunAsync"/>. Await
    /// <see cref="WhenAbandonedTrialsEnd"/> before disposing what they use.</summary>
    public IReadOnlyList<AbandonedTrial> AbandonedTrials { get; }

    /// <summary>Completes when every abandoned objective has returned (or thrown), or when
    /// <paramref name="cancellationToken"/> is cancelled.</summary>
    public Task WhenAbandonedTrialsEnd(CancellationToken cancellationToken = default) =>
        Task.WhenAll(AbandonedTrials.Select(a => a.Work)).WaitAsync(cancellationToken);

    /// <summary>The number of trials that ended with <paramref name="status"/>.</summary>
    public int CountOf(TrialStatus status) => Trials.Count(t => t.Status == status);

    /// <summary>Throws unless the run has a best trial and did not stop on a fault; returns this result otherwise,
    /// so it chains: <c>(await experiment.RunAsync()).EnsureSucceeded().BestTrial</c>.</summary>
    /// <exception cref="InvalidOperationException">No trial succeeded (the message lists the first errors), or the run
    /// stopped on a fault (the fault is the inner exception).</exception>
    public ExperimentResult EnsureSucceeded()
    {
        if (Fault is not null)
            throw new InvalidOperationException($"The experiment stopped on an error: {Fault.Message}", Fault);
        if (HasSucceededTrial)
            return this;
        var message = new StringBuilder(Trials.Count == 0
            ? $"No trial ran (stopped: {Describe(StopReason)})."
            : $"No trial succeeded out of {Trials.Count} (stopped: {Describe(StopReason)}). First errors:");
        foreach (var trial in Trials.Where(t => t.Error is not null).Take(ErrorsShown))
            message.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}  trial {trial.TrialSettings.TrialId} ({trial.Status}): {FirstLine(trial.Error!)}");
        throw new InvalidOperationException(message.ToString());
    }

    /// <summary>A few lines for a person: why the run stopped, trials by status, the best trial and, when nothing
    /// succeeded, the first errors.</summary>
    public string Summary
    {
        get
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"Stopped: {Describe(StopReason)}, {Trials.Count} trials in {Elapsed.TotalSeconds:0.0} s.");
            if (BudgetRange is not null)
                text.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}Budget spent: {TotalBudgetSpent:G6} ({FullBudgetEquivalents:0.##} full budgets of {BudgetRange.Max:G6}).");
            var byStatus = Trials.GroupBy(t => t.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}");
            if (Trials.Count > 0)
                text.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}Trials: {string.Join(", ", byStatus)}.");
            if (BestTrial is { } best)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"{Environment.NewLine}Best: trial {best.TrialSettings.TrialId}, loss {best.Loss:G6}");
                if (best.TrialSettings.Budget is { } budget && BudgetRange is not null)
                    text.Append(CultureInfo.InvariantCulture, $" at budget {budget:G6}");
                if (!double.IsNaN(best.Metric))
                    text.Append(CultureInfo.InvariantCulture, $", metric {best.Metric:G6}");
                text.Append(CultureInfo.InvariantCulture, $", parameter {best.TrialSettings.Parameter}.");
            }
            else
            {
                text.Append($"{Environment.NewLine}No trial succeeded.");
                foreach (var trial in Trials.Where(t => t.Error is not null).Take(ErrorsShown))
                    text.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}  trial {trial.TrialSettings.TrialId} ({trial.Status}): {FirstLine(trial.Error!)}");
            }
            if (Fault is not null)
                text.Append($"{Environment.NewLine}Error: {Fault.Message}");
            return text.ToString();
        }
    }

    /// <inheritdoc />
    public override string ToString() => Summary;

    private static string Describe(StopReason reason) => reason switch
    {
        StopReason.MaxTrials => "max trials reached",
        StopReason.BudgetLimit => "budget limit reached",
        StopReason.TimeLimit => "time limit reached",
        StopReason.Cancelled => "cancelled",
        StopReason.Faulted => "stopped on an error",
        _ => reason.ToString(),
    };

    // An exception's text carries its stack trace; the first line (type and message) is what a list of errors needs.
    private static string FirstLine(string error)
    {
        var end = error.IndexOfAny(['\r', '\n']);
        return end < 0 ? error : error[..end];
    }
}
