namespace Microsoft.ML.NasTuners;

/// <summary>What a resumed study does with the trials that were still running when the process that ran them died
/// (they are <see cref="TrialStatus.Running"/> in the store).</summary>
public enum InterruptedTrialPolicy
{
    /// <summary>Run each again first, under its own id, with the same parameter and budget: the study then reads as
    /// if nothing had happened, and a sequential seeded run proposes what an uninterrupted one would. The default.</summary>
    Rerun,

    /// <summary>Mark each <see cref="TrialStatus.Failed"/> (the error says it was interrupted), tell the tuner, and go
    /// on with new trials.</summary>
    MarkFailed,

    /// <summary>Leave them alone: for a study that runs in several processes at the same time (experiments on one SQLite
    /// file), where a running trial may be another process's. The run learns each such trial's result when it ends, as
    /// it learns every trial the other processes run; a trial whose process really died stays
    /// <see cref="TrialStatus.Running"/> in the store (a later run with <see cref="Rerun"/> or <see cref="MarkFailed"/>
    /// deals with it, once no other process runs the study).</summary>
    LeaveRunning,
}
