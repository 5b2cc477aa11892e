using Microsoft.ML.NasTuners.Storage;

namespace Microsoft.ML.NasTuners.Postgres;

/// <summary>
/// A trial this worker runs, and its lease: from <see cref="StudyWorker.Ask"/> until it is told, a thread renews the
/// lease on the database's clock. When a renewal finds the lease gone (the process was paused or cut off for longer
/// than the lease, and another worker failed and re-queued the trial), <see cref="Lost"/> is cancelled so the
/// objective can stop; its result would be refused.
/// </summary>
public sealed class TrialLease : IDisposable
{
    private readonly CancellationTokenSource _lost = new();
    private readonly ManualResetEventSlim _stop = new();
    private readonly Action<TrialLease> _onLost;
    private int _stopped;

    internal TrialLease(PostgresTrialStore store, long studyId, StudyTrial row, TrialSettings settings, int? requeueOf,
        string worker, TimeSpan heartbeat, Action<TrialLease> onLost)
    {
        StudyId = studyId;
        Row = row;
        Settings = settings;
        RequeueOf = requeueOf;
        Worker = worker;
        _onLost = onLost;
        // A thread of its own, not the thread pool's timer: an objective that blocks the pool (or a pool still growing
        // on a busy machine) must not delay the heartbeats past the lease.
        new Thread(() =>
        {
            while (!_stop.Wait(heartbeat)) Beat(store);
        }) { IsBackground = true, Name = $"lease {settings.TrialId}" }.Start();
    }

    /// <summary>The trial to run: its number, parameter and budget.</summary>
    public TrialSettings Settings { get; }

    /// <summary>The trial's number in the study.</summary>
    public int TrialId => Settings.TrialId;

    /// <summary>The trial this one repeats after that one's lease ran out, or null for a new proposal.</summary>
    public int? RequeueOf { get; }

    /// <summary>The worker holding the lease.</summary>
    public string Worker { get; }

    /// <summary>Cancelled when the lease is found gone.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>True once the lease was found gone.</summary>
    public bool IsLost => _lost.IsCancellationRequested;

    internal long StudyId { get; }

    internal StudyTrial Row { get; }

    /// <summary>Stops the heartbeats (the trial was told, or the worker gives it up).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        _stop.Set();
    }

    private void Beat(PostgresTrialStore store)
    {
        if (Volatile.Read(ref _stopped) == 1 || IsLost) return;
        bool held;
        try
        {
            held = PostgresLeases.Heartbeat(store, StudyId, TrialId, Worker);
        }
        catch (Exception)
        {
            // A lost connection is not a lost lease: the next beat tries again, and the server alone decides expiry.
            return;
        }
        if (held || Volatile.Read(ref _stopped) == 1) return;
        _lost.Cancel();
        _onLost(this);
    }
}
