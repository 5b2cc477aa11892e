namespace Microsoft.ML.NasTuners;

/// <summary>How a trial ended (or that it is still running).</summary>
public enum TrialStatus
{
    /// <summary>Proposed and not finished yet.</summary>
    Running,
    /// <summary>Finished with a loss.</summary>
    Succeeded,
    /// <summary>The objective threw; <see cref="TrialResult.Error"/> holds the exception text.</summary>
    Failed,
    /// <summary>Stopped early at a lower budget by a multi-fidelity schedule.</summary>
    Pruned,
    /// <summary>Stopped by the per-trial time limit.</summary>
    TimedOut,
    /// <summary>Stopped because the whole run was cancelled or hit its time limit.</summary>
    Cancelled,
}
