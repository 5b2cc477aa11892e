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
}
