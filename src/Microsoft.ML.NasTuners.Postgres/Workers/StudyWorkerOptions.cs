using Microsoft.ML.NasTuners.Pruning;

namespace Microsoft.ML.NasTuners.Postgres;

/// <summary>
/// How a <see cref="StudyWorker"/> runs its part of a study: the study's limits (written into the study by the worker
/// that creates it, and honoured by every worker), its lease on each trial, and how it reports.
/// </summary>
public sealed class StudyWorkerOptions
{
    /// <summary>The default lease: long enough to ride out a pause of the process (a garbage collection, a busy disk),
    /// short enough that a dead worker's trial is repeated soon.</summary>
    public static readonly TimeSpan DefaultLease = TimeSpan.FromSeconds(30);

    /// <summary>The default wait between looks at the store while every trial the limits allow is running elsewhere.</summary>
    public static readonly TimeSpan DefaultPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>Trials in the whole study, across workers; a trial whose lease expired and that was re-queued is
    /// counted once, by its repeat. Null: no limit.</summary>
    public int? MaxTrials { get; init; }

    /// <summary>No trial starts once this long has passed since the study was created, by the database's clock.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>No trial starts once the budget spent by ended trials plus the budget of running ones reaches this (the
    /// experiment loop's rule).</summary>
    public double? BudgetLimit { get; init; }

    /// <summary>The budgets of a multi-fidelity study; a single-fidelity tuner's trials then get the full budget.</summary>
    public BudgetRange? Budget { get; init; }

    /// <summary>A trial whose worker sends no heartbeat for this long is failed and re-queued (once).</summary>
    public TimeSpan LeaseDuration { get; init; } = DefaultLease;

    /// <summary>How often a held lease is renewed; null: a quarter of <see cref="LeaseDuration"/>.</summary>
    public TimeSpan? HeartbeatInterval { get; init; }

    /// <summary>The wait between looks at the store while no trial may start yet.</summary>
    public TimeSpan PollInterval { get; init; } = DefaultPoll;

    /// <summary>The worker's name in leases and errors; null: host name, process id and a random suffix.</summary>
    public string? WorkerName { get; init; }

    /// <summary>Judges the values trials report while they run (<see cref="TrialSettings.Report"/>) against the curves
    /// of every trial of the study, other workers' included; null prunes nothing (reports are still written to the
    /// store). An objective run by <see cref="StudyWorker.RunAsync"/> that ends with <see cref="TrialPrunedException"/>
    /// is recorded as <see cref="TrialStatus.Pruned"/> with its last reported value.</summary>
    public IPruner? Pruner { get; init; }

    /// <summary>Receives what the worker does (a trial started, recorded, refused; a lease lost).</summary>
    public IProgress<StudyWorkerEvent>? Progress { get; init; }

    internal StudyWorkerOptions Validated()
    {
        if (MaxTrials is < 0) throw new ArgumentOutOfRangeException(nameof(MaxTrials), MaxTrials, "The trial limit is 0 or more.");
        if (TimeLimit is { } t && t < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TimeLimit), t, "The time limit is 0 or more.");
        if (BudgetLimit is { } b && !(b >= 0)) throw new ArgumentOutOfRangeException(nameof(BudgetLimit), b, "The budget limit is 0 or more.");
        if (!(LeaseDuration > TimeSpan.Zero)) throw new ArgumentOutOfRangeException(nameof(LeaseDuration), LeaseDuration, "The lease is longer than 0.");
        var heartbeat = HeartbeatInterval ?? LeaseDuration / 4;
        if (!(heartbeat > TimeSpan.Zero && heartbeat < LeaseDuration))
            throw new ArgumentOutOfRangeException(nameof(HeartbeatInterval), heartbeat, "The heartbeat interval lies between 0 and the lease's length.");
        if (!(PollInterval > TimeSpan.Zero)) throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "The poll interval is longer than 0.");
        return new StudyWorkerOptions
        {
            MaxTrials = MaxTrials, TimeLimit = TimeLimit, BudgetLimit = BudgetLimit, Budget = Budget, LeaseDuration = LeaseDuration,
            HeartbeatInterval = heartbeat, PollInterval = PollInterval, Progress = Progress, Pruner = Pruner,
            WorkerName = WorkerName ?? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}",
        };
    }
}
