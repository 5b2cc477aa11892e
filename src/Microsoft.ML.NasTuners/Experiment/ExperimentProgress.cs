using System.Globalization;

namespace Microsoft.ML.NasTuners;

/// <summary>Where a run stands, reported through <see cref="NasExperiment.SetProgress"/> after every trial ends.</summary>
public sealed class ExperimentProgress
{
    /// <summary>Trials that have ended, whatever their status.</summary>
    public required int TrialsCompleted { get; init; }

    /// <summary>Trials still running.</summary>
    public required int TrialsRunning { get; init; }

    /// <summary>The most trials the run will start (<see cref="NasExperiment.SetMaxTrials"/>).</summary>
    public required int MaxTrials { get; init; }

    /// <summary>The best loss so far; NaN while no trial has succeeded.</summary>
    public required double BestLoss { get; init; }

    /// <summary>The id of the best trial so far; null while no trial has succeeded.</summary>
    public int? BestTrialId { get; init; }

    /// <summary>Time since the run started.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>The run's time limit; null when it has none.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>The budget spent by the trials that have ended (see <see cref="TrialResult.SpentBudget"/>); 0 when the run
    /// has no budgets.</summary>
    public double BudgetSpent { get; init; }

    /// <summary>The run's budget limit (<see cref="NasExperiment.SetBudgetLimit"/>); null when it has none.</summary>
    public double? BudgetLimit { get; init; }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{TrialsCompleted}/{MaxTrials} trials, {TrialsRunning} running, best loss {(BestTrialId is { } id ? $"{BestLoss:G6} (trial {id})" : "none")}, {(BudgetSpent > 0 || BudgetLimit is not null ? $"budget {BudgetSpent:G6}{(BudgetLimit is { } limit ? $"/{limit:G6}" : "")}, " : "")}{Elapsed.TotalSeconds:0.0} s");
}
