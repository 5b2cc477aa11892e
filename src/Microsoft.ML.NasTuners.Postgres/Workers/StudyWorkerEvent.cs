namespace Microsoft.ML.NasTuners.Postgres;

/// <summary>What a worker did, for its progress report.</summary>
public enum StudyWorkerEventKind
{
    /// <summary>The worker leased a trial (a proposal, or a repeat of a trial whose lease expired).</summary>
    Started,

    /// <summary>The trial's result was written.</summary>
    Recorded,

    /// <summary>The trial's result was refused: its lease had run out, and the trial was failed and re-queued.</summary>
    Refused,

    /// <summary>A heartbeat found the lease gone; the trial's cancellation token was cancelled.</summary>
    LeaseLost,

    /// <summary>This worker failed trials of other workers whose leases ran out.</summary>
    Expired,
}

/// <summary>One thing a worker did.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="TrialId">The trial it concerns.</param>
/// <param name="Message">A line for a log.</param>
public sealed record StudyWorkerEvent(StudyWorkerEventKind Kind, int TrialId, string Message)
{
    /// <summary>Where the whole study stood at the worker's last look; null before its first.</summary>
    public StudyStanding? Standing { get; init; }
}
