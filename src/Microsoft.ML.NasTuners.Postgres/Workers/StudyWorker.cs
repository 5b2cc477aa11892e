using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.NasTuners.Pruning;
using Microsoft.ML.NasTuners.Storage;
using Npgsql;

namespace Microsoft.ML.NasTuners.Postgres;

/// <summary>
/// One of any number of processes, on any number of machines, that run one study of a PostgreSQL store together. Each
/// trial is started in one transaction under a lock on the study's row: the worker fails the trials whose leases ran
/// out (re-queueing each once), replays every event since its last look into its tuner (<see cref="StudyReplay"/>),
/// checks the study's limits, and writes the next trial, numbered one past the last, with its lease. So trial numbers
/// are unique and gap-free, every worker's tuner has every other worker's running trials pending, the limits hold
/// exactly across workers, and a multi-fidelity tuner's rungs fill from all workers and promote a configuration once.
/// </summary>
/// <example>
/// <code>
/// using var store = new PostgresTrialStore("postgresql://nas:secret@db:5432/studies");
/// using var worker = StudyWorker.Open(store, "lgbm", space, (s, seed) => new TpeTuner(s, null, seed), seed: 1,
///     new StudyWorkerOptions { MaxTrials = 200 });
/// await worker.RunAsync((trial, ct) => Task.FromResult(Train(trial.Parameter)), ct);   // or Ask/Tell yourself
/// </code>
/// </example>
/// <remarks>Every worker of a study must build the same tuner with the same seed: then they agree on every proposal.
/// The cost is that each worker replays every proposal of the study, so a tuner whose proposals are expensive spends
/// that time in each worker. Not thread-safe: one thread asks and tells at a time (as with <see cref="NasStudy"/>);
/// the heartbeats run on their own timers.</remarks>
public sealed class StudyWorker : IDisposable
{
    /// <summary>The study attributes that keep the limits, written by the worker that creates the study.</summary>
    internal const string MaxTrialsKey = "limits.max_trials";
    internal const string TimeLimitKey = "limits.time_limit_s";
    internal const string BudgetLimitKey = "limits.budget_limit";

    private readonly PostgresTrialStore _store;
    private readonly StudyReplay _replay;
    private readonly StudyWorkerOptions _options;
    // Every trial this worker runs reports here: to the store, and to the pruner against the whole study's curves.
    private readonly PruningLog _pruning;
    private readonly Stopwatch _askClock = new();
    private readonly Stopwatch _tunerClock = new();
    private bool _replayInDoubt;
    private StudyStanding? _standing;
    private int _recorded;
    private int _refused;

    private StudyWorker(PostgresTrialStore store, string study, StudyReplay replay, StudyWorkerOptions options, int? maxTrials,
        TimeSpan? timeLimit, double? budgetLimit)
    {
        _store = store;
        Study = study;
        _replay = replay;
        _options = options;
        _pruning = new PruningLog(options.Pruner, new StudyCurves(store, study));
        MaxTrials = maxTrials;
        TimeLimit = timeLimit;
        BudgetLimit = budgetLimit;
    }

    /// <summary>The study's name.</summary>
    public string Study { get; }

    /// <summary>This worker's name in the leases.</summary>
    public string Name => _options.WorkerName!;

    /// <summary>The study's trial limit, as stored with the study.</summary>
    public int? MaxTrials { get; }

    /// <summary>The study's time limit from its creation, as stored with the study.</summary>
    public TimeSpan? TimeLimit { get; }

    /// <summary>The study's budget limit, as stored with the study.</summary>
    public double? BudgetLimit { get; }

    /// <summary>What this worker did so far.</summary>
    public WorkerSummary Summary => new(_recorded, _refused, _askClock.Elapsed, _tunerClock.Elapsed);

    /// <summary>Joins the study <paramref name="study"/>, creating it (with the limits of <paramref name="options"/>
    /// and <paramref name="attributes"/>) when no worker has yet.</summary>
    /// <param name="store">The store; the caller disposes it after the worker.</param>
    /// <param name="study">The study's name.</param>
    /// <param name="searchSpace">The space; must equal the stored one.</param>
    /// <param name="tuner">Builds the tuner; every worker of the study must build the same one.</param>
    /// <param name="seed">The tuner's seed, the same in every worker.</param>
    /// <param name="options">Limits, lease and reporting; default <see cref="StudyWorkerOptions"/>.</param>
    /// <param name="attributes">Attributes the study must have (for example the tuner's name and seed): written when
    /// the study is created, and compared with the stored ones when it exists.</param>
    /// <exception cref="InvalidOperationException">The study exists with another space, other limits or other
    /// attributes: the worker would not run the same search as the others.</exception>
    public static StudyWorker Open(PostgresTrialStore store, string study, SearchSpace searchSpace, Func<SearchSpace, int, ITuner> tuner,
        int seed, StudyWorkerOptions? options = null, IReadOnlyDictionary<string, string>? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(searchSpace);
        ArgumentNullException.ThrowIfNull(tuner);
        var checkedOptions = (options ?? new StudyWorkerOptions()).Validated();
        var wanted = new Dictionary<string, string>(attributes ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (checkedOptions.MaxTrials is { } max) wanted[MaxTrialsKey] = max.ToString(CultureInfo.InvariantCulture);
        if (checkedOptions.TimeLimit is { } time) wanted[TimeLimitKey] = time.TotalSeconds.ToString("R", CultureInfo.InvariantCulture);
        if (checkedOptions.BudgetLimit is { } budget) wanted[BudgetLimitKey] = budget.ToString("R", CultureInfo.InvariantCulture);

        var info = store.LoadOrCreateStudy(study, searchSpace.ToJson(), wanted);
        foreach (var (key, value) in wanted)
        {
            if (!info.Attributes.TryGetValue(key, out var stored) || stored != value)
                throw new InvalidOperationException(
                    $"Study '{study}' has {key} = {(stored is null ? "(none)" : $"'{stored}'")}, and this worker asks for '{value}': " +
                    "every worker of a study runs the same search. Give the same options, or another study name.");
        }
        var replay = new StudyReplay(() => tuner(searchSpace, seed) ?? throw new InvalidOperationException("The tuner factory returned null."),
            checkedOptions.Budget);
        return new StudyWorker(store, study, replay, checkedOptions,
            Read(info, MaxTrialsKey, s => int.Parse(s, CultureInfo.InvariantCulture)),
            Read(info, TimeLimitKey, s => TimeSpan.FromSeconds(double.Parse(s, CultureInfo.InvariantCulture))),
            Read(info, BudgetLimitKey, s => double.Parse(s, CultureInfo.InvariantCulture)));
    }

    /// <summary>The next trial to run, leased to this worker: a queued repeat first, otherwise the tuner's proposal.
    /// While the limits allow no new trial but trials run elsewhere (whose leases may yet run out and be re-queued), it
    /// waits; it returns null once the study's limits are reached and nothing runs.</summary>
    public TrialLease? Ask(CancellationToken cancellationToken = default) => AskAfter(null, cancellationToken);

    /// <summary>As <see cref="Ask"/>, writing <paramref name="told"/>'s result first in the same transaction: one commit
    /// (one flush of the server's log) per trial instead of two, which is what bounds a study's trials per second.</summary>
    private TrialLease? AskAfter(Told? told, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                if (told is not null) TellAlone(told);
                cancellationToken.ThrowIfCancellationRequested();
            }
            _askClock.Start();
            Step step;
            bool? recorded = null;
            try
            {
                var telling = told;
                (recorded, step) = _store.InTransaction((c, tx) =>
                    (telling is null ? (bool?)null : WriteTold(c, tx, telling), TryStart(c, tx, cancellationToken)));
                _replayInDoubt = false;
            }
            finally
            {
                _askClock.Stop();
            }
            if (told is not null) ReportTold(told, recorded!.Value);
            told = null;
            if (step.Row is { } row)
            {
                step.Settings!.Pruning = _pruning;
                // Only now that the trial is committed does its lease exist to renew.
                var lease = new TrialLease(_store, step.StudyId, row, step.Settings!, step.RequeueOf, Name, _options.HeartbeatInterval!.Value,
                    lost => Report(StudyWorkerEventKind.LeaseLost, lost.TrialId, $"trial {lost.TrialId} lease lost"));
                Report(StudyWorkerEventKind.Started, lease.TrialId,
                    lease.RequeueOf is { } of ? $"trial {lease.TrialId} started (repeats trial {of})" : $"trial {lease.TrialId} started");
                return lease;
            }
            if (step.Done) return null;
            cancellationToken.WaitHandle.WaitOne(_options.PollInterval);
        }
    }

    /// <summary>Records that the leased trial succeeded with <paramref name="loss"/> (minimised).</summary>
    /// <returns>True when recorded; false when refused because the lease had run out (the trial was failed and
    /// re-queued: see the re-queue policy in docs/postgres.md).</returns>
    public bool Tell(TrialLease lease, double loss, double metric = double.NaN) =>
        Tell(lease, TrialStatus.Succeeded, null, loss, metric);

    /// <summary>Records that the leased trial ended in <paramref name="status"/>; false when refused (see above).</summary>
    public bool Tell(TrialLease lease, TrialStatus status, string? error = null) =>
        Tell(lease, status, error, double.NaN, double.NaN);

    /// <summary>Runs trials until the study's limits are reached or <paramref name="cancellationToken"/> is
    /// cancelled. An objective that throws fails its trial; one cancelled by a lost lease has its trial given up (the
    /// study already failed and re-queued it).</summary>
    public async Task<WorkerSummary> RunAsync(Func<TrialSettings, CancellationToken, Task<double>> objective,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Told? told = null;
        while (true)
        {
            TrialLease? lease;
            try
            {
                // The last trial's result goes in with the next trial's start.
                lease = AskAfter(told, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            told = null;
            if (lease is null) break;
            using (lease)
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost))
            {
                double loss;
                try
                {
                    loss = await objective(lease.Settings, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (lease.IsLost)
                {
                    _refused++;
                    Report(StudyWorkerEventKind.Refused, lease.TrialId, $"trial {lease.TrialId} given up: its lease ran out, the study re-queued it");
                    continue;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    Tell(lease, TrialStatus.Cancelled, "The worker was stopped.");
                    break;
                }
                catch (TrialPrunedException e)
                {
                    // The objective stopped its training early: the loss is the last value it reported (NaN without one).
                    var values = lease.Settings.IntermediateValues;
                    told = Finish(lease, TrialStatus.Pruned, e.Message, values.Count > 0 ? values[^1].Value : double.NaN, double.NaN);
                    continue;
                }
                catch (Exception e)
                {
                    told = Finish(lease, TrialStatus.Failed, e.Message, double.NaN, double.NaN);
                    continue;
                }
                told = Finish(lease, TrialStatus.Succeeded, null, loss, double.NaN);
            }
        }
        return Summary;
    }

    /// <summary>Stops nothing that is running elsewhere; the store stays the caller's.</summary>
    public void Dispose()
    {
    }

    private bool Tell(TrialLease lease, TrialStatus status, string? error, double loss, double metric) =>
        TellAlone(Finish(lease, status, error, loss, metric));

    private bool TellAlone(Told told)
    {
        var recorded = _store.InTransaction((c, tx) => WriteTold(c, tx, told));
        ReportTold(told, recorded);
        return recorded;
    }

    // The tuner learns a result when the next Ask replays it, in the study's order, as every other worker does.
    private bool WriteTold(NpgsqlConnection c, NpgsqlTransaction tx, Told told)
    {
        PostgresTrialStore.LockStudy(c, tx, Study);
        if (!PostgresLeases.Holds(c, tx, told.Lease.StudyId, told.Lease.TrialId, Name))
            return false;
        PostgresTrialStore.WriteResult(c, tx, told.Lease.StudyId, told.Finished);
        return true;
    }

    private void ReportTold(Told told, bool recorded)
    {
        var id = told.Lease.TrialId;
        if (recorded)
        {
            _recorded++;
            Report(StudyWorkerEventKind.Recorded, id, string.Create(CultureInfo.InvariantCulture,
                $"trial {id} {told.Finished.Status} loss {told.Finished.Loss:R}"));
        }
        else
        {
            _refused++;
            Report(StudyWorkerEventKind.Refused, id, $"trial {id} result refused: its lease ran out, and the study failed and re-queued it");
        }
    }

    private Told Finish(TrialLease lease, TrialStatus status, string? error, double loss, double metric)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (status == TrialStatus.Running)
            throw new ArgumentException("A trial is told once it has ended; Running is not an end.", nameof(status));
        lease.Dispose();
        // The pruner counts it among the ended trials of this worker from now on.
        _pruning.End(lease.TrialId, status);
        var settings = lease.Row.ToSettings();
        var result = TrialResult.ToldNow(settings, loss, metric, status, error);
        return new Told(lease, lease.Row.Finished(result));
    }

    private Step TryStart(NpgsqlConnection c, NpgsqlTransaction tx, CancellationToken cancellationToken)
    {
        // A transaction of an earlier call that proposed and then failed (or a retry of this one) left the tuner ahead
        // of the store: rebuild it from the store.
        if (_replayInDoubt) _replay.Reset();
        _replayInDoubt = true;

        var studyId = PostgresTrialStore.LockStudy(c, tx, Study);
        var expired = PostgresLeases.ExpireOverdue(c, tx, studyId);
        foreach (var id in expired)
            Report(StudyWorkerEventKind.Expired, id, $"trial {id} failed: its lease ran out");

        _tunerClock.Start();
        try
        {
            _replay.Apply(PostgresTrialStore.ReadTrials(c, tx, studyId, "trial_id >= @next OR result_seq > @seq",
                ("next", _replay.NextTrialId), ("seq", _replay.LastResultSeq)), cancellationToken);
        }
        finally
        {
            _tunerClock.Stop();
        }

        var usage = StudyUsage.Read(c, tx, studyId);
        var next = PostgresTrialStore.NextTrialId(c, tx, studyId);
        if (next != _replay.NextTrialId)
            throw new InvalidOperationException(
                $"Study '{Study}' has trial numbers this worker cannot replay in order (next {next}, replayed to {_replay.NextTrialId}): " +
                "a trial was written with a number of its own. Run workers on a study that only workers write.");
        _standing = new StudyStanding(usage.Counted, usage.Running, MaxTrials, _replay.Best, usage.Age, TimeLimit);
        var timeUp = TimeLimit is { } limit && usage.Age >= limit;
        var budgetUsed = BudgetLimit is { } budget && usage.CommittedBudget >= budget;
        if (timeUp || budgetUsed)
            return new Step(studyId, null, null, null, Done: usage.Running == 0);

        StudyTrial row;
        TrialSettings settings;
        int? requeueOf = null;
        if (PostgresLeases.TakeQueued(c, tx, studyId) is { } queued)
        {
            requeueOf = queued.RequeueOf;
            row = queued.Trial with { Id = next, StartedAtUtc = DateTime.UtcNow, Note = StudySession.GivenNote };
            settings = row.ToSettings();
        }
        else if (MaxTrials is { } max && usage.Counted >= max)
        {
            return new Step(studyId, null, null, null, Done: usage.Running == 0);
        }
        else
        {
            _tunerClock.Start();
            try
            {
                settings = _replay.Propose(next, cancellationToken);
            }
            finally
            {
                _tunerClock.Stop();
            }
            settings.StartedAtUtc = DateTime.UtcNow;
            row = StudyTrial.FromSettings(settings);
        }
        PostgresTrialStore.InsertTrial(c, tx, studyId, row, requeueOf);
        PostgresLeases.Take(c, tx, studyId, next, Name, _options.LeaseDuration);
        _replay.Started(next);
        // The trial just written counts, and runs (the trial a repeat replaces was superseded when its lease ran out).
        _standing = _standing with { Trials = _standing.Trials + 1, Running = _standing.Running + 1 };
        return new Step(studyId, row, settings, requeueOf, Done: false);
    }

    private void Report(StudyWorkerEventKind kind, int trialId, string message) =>
        _options.Progress?.Report(new StudyWorkerEvent(kind, trialId, message) { Standing = _standing });

    private static T? Read<T>(StudyInfo info, string key, Func<string, T> parse) where T : struct =>
        info.Attributes.TryGetValue(key, out var text) ? parse(text) : null;

    private sealed record Told(TrialLease Lease, StudyTrial Finished);

    private sealed record Step(long StudyId, StudyTrial? Row, TrialSettings? Settings, int? RequeueOf, bool Done);
}
