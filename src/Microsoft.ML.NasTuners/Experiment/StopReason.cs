namespace Microsoft.ML.NasTuners;

/// <summary>Why an experiment stopped.</summary>
public enum StopReason
{
    /// <summary>All <see cref="NasExperiment.SetMaxTrials">max trials</see> ran.</summary>
    MaxTrials,
    /// <summary>The run hit its <see cref="NasExperiment.SetTimeLimit">time limit</see>; trials still running were cancelled.</summary>
    TimeLimit,
    /// <summary>The caller's cancellation token was cancelled; trials still running were cancelled.</summary>
    Cancelled,
    /// <summary>The run spent its <see cref="NasExperiment.SetBudgetLimit">budget limit</see>: no trial starts once the
    /// budget spent and committed to running trials reaches it.</summary>
    BudgetLimit,
    /// <summary>Too many abandoned objectives were still running (<see cref="NasExperiment.SetMaxAbandonedTrials"/>):
    /// no trial starts while that many keep threads busy. See <see cref="ExperimentResult.AbandonedTrials"/>.</summary>
    AbandonedTrials,
    /// <summary>The tuner, a monitor or the progress sink threw; see <see cref="ExperimentResult.Fault"/>. Trials
    /// still running were cancelled. (An objective that throws only fails its own trial.)</summary>
    Faulted,
}
