using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Microsoft.ML.NasTuners;

/// <summary>
/// One run of an experiment: proposes trials, keeps up to the degree of parallelism running, tells the tuner how each
/// ended and stops at max trials, the time limit, cancellation or a fault of its collaborators. Single use.
/// </summary>
/// <remarks>
/// The tuner, the monitors and the progress sink are only ever called from this loop's one logical flow of control
/// (an async method that awaits one thing at a time), which serialises them without a lock: tuners are not
/// thread-safe. Trials are the only thing that run concurrently.
/// </remarks>
internal sealed class ExperimentLoop
{
    private readonly ExperimentConfiguration _config;
    private readonly ITuner _tuner;
    private readonly TrialExecutor _executor;
    private readonly IReadOnlyList<IExperimentMonitor> _monitors;
    private readonly IProgress<ExperimentProgress>? _progress;
    private readonly ILogger _logger;
    private readonly StudySession _session;
    private readonly InterruptedTrialPolicy _interrupted;
    private SearchSpace? _spaceToCheck;
    private readonly Pruning.PruningLog _pruning;

    private int _ended;
    private readonly Stopwatch _clock = new();
    private CancellationTokenSource? _run;
    private CancellationToken _callerToken;
    private double _spent;
    private Exception? _fault;
    private StopReason? _stopReason;

    public ExperimentLoop(ExperimentConfiguration config, ITuner tuner, ITrialRunner runner,
        IReadOnlyList<IExperimentMonitor> monitors, IProgress<ExperimentProgress>? progress, ILogger logger,
        StudySession? session = null, InterruptedTrialPolicy interrupted = InterruptedTrialPolicy.Rerun, SearchSpace? spaceToCheck = null)
    {
        _spaceToCheck = spaceToCheck;
        _session = session ?? StudySession.InMemory(config.KeepTrials);
        _pruning = new Pruning.PruningLog(config.Pruner, _session.Curves);
        _interrupted = interrupted;
        _config = config;
        _tuner = tuner;
        _executor = new TrialExecutor(runner, config.TrialTimeout, config.InlineTrials);
        _monitors = monitors;
        _progress = progress;
        _logger = logger;
    }

    public async Task<ExperimentResult> RunAsync(CancellationToken cancellationToken)
    {
        _clock.Start();
        _callerToken = cancellationToken;
        using var timeLimit = new CancellationTokenSource();
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeLimit.Token);
        _run = run;
        // A resumed study's time limit counts the time its earlier runs spent running trials.
        var earlier = _session.History.Count > 0 ? _session.History.BusyTime() : TimeSpan.Zero;
        if (_config.TimeLimit is { } limit)
        {
            if (limit > earlier) timeLimit.CancelAfter(limit - earlier);
            else timeLimit.Cancel();
        }
        _logger.LogInformation("Experiment started: {MaxTrials} trials at most, {Parallelism} at a time.",
            _config.MaxTrials, _config.DegreeOfParallelism);

        // A resumed study starts from what its earlier runs did: their trials count towards every limit.
        _ended = _session.History.Count - _session.Interrupted().Count;
        _spent = _session.History.SpentBudget;
        var reruns = new Queue<TrialSettings>();
        foreach (var interrupted in _session.Interrupted())
        {
            if (_interrupted == InterruptedTrialPolicy.Rerun)
            {
                reruns.Enqueue(Rerun(interrupted.Settings));
                continue;
            }
            var settings = interrupted.Settings;
            settings.EndedAtUtc = DateTime.UtcNow;
            Record(new TrialResult
            {
                TrialSettings = settings,
                Status = TrialStatus.Failed,
                Error = "Interrupted: the process running this trial stopped before it ended.",
            }, stillRunning: 0);
        }
        if (reruns.Count > 0)
            _logger.LogInformation("Resuming study {Study}: {Trials} trials interrupted by the previous run are run again first.",
                _session.StudyName, reruns.Count);

        // Committed is what a running trial is expected to spend, taken when it starts: the runner may change its
        // settings on another thread while it runs.
        var running = new List<(TrialSettings Settings, Task<TrialResult> Task, double Committed)>();
        var blockedByAbandoned = false;
        while (true)
        {
            while (_fault is null && running.Count < _config.DegreeOfParallelism
                   && (reruns.Count > 0 || _session.CountedTrials < _config.MaxTrials))
            {
                if (run.IsCancellationRequested)
                {
                    NoteRunStopped();
                    break;
                }
                // Objectives that ignored their token still hold threads: past the limit, no new trial starts.
                blockedByAbandoned = _executor.AbandonedRunning >= _config.MaxAbandonedTrials;
                if (blockedByAbandoned)
                {
                    _logger.LogWarning("{Count} abandoned objectives are still running (the limit is {Limit}); no new trial starts.",
                        _executor.AbandonedRunning, _config.MaxAbandonedTrials);
                    break;
                }
                if (_config.BudgetLimit is { } budgetLimit && _spent + running.Sum(r => r.Committed) >= budgetLimit)
                {
                    _stopReason ??= StopReason.BudgetLimit;
                    break;
                }
                TrialSettings settings;
                if (reruns.TryDequeue(out var rerun))
                {
                    settings = rerun;
                    settings.StartedAtUtc = DateTime.UtcNow;
                }
                else
                {
                    if (TryPropose() is not var (proposed, origin))
                        break;
                    settings = proposed;
                    settings.StartedAtUtc = DateTime.UtcNow;
                    if (!TryRecordStart(settings, origin))
                        break;
                }
                _logger.LogDebug("Trial {TrialId} started: {Parameter}.", settings.TrialId, settings.Parameter);
                Notify(m => m.OnTrialStarted(settings), $"OnTrialStarted of trial {settings.TrialId}");
                var committed = _config.ExpectedCost?.Invoke(settings)
                    ?? (settings.Budget is { } budget ? budget - (settings.PreviousBudget ?? 0) : 0);
                settings.Pruning = _pruning;
                running.Add((settings, _executor.RunAsync(settings, run.Token, WhyRunStopped), committed));
            }
            if (running.Count == 0)
                break;

            if (_config.CompleteInProposalOrder)
            {
                // The oldest trial ends first, and a new one may start before the next ends.
                var oldest = running[0];
                await Task.WhenAny(oldest.Task).ConfigureAwait(false);
                running.RemoveAt(0);
                Record(Outcome(oldest.Settings, oldest.Task), running.Count);
                continue;
            }
            await Task.WhenAny(running.Select(r => r.Task)).ConfigureAwait(false);
            // Several trials may have ended together: record them in id order so a run reads the same every time.
            foreach (var done in running.Where(r => r.Task.IsCompleted).OrderBy(r => r.Settings.TrialId).ToList())
            {
                running.Remove(done);
                Record(Outcome(done.Settings, done.Task), running.Count);
            }
        }

        var stopReason = _fault is not null ? StopReason.Faulted
            : _stopReason ?? (blockedByAbandoned ? StopReason.AbandonedTrials : StopReason.MaxTrials);
        _logger.LogInformation("Experiment stopped ({StopReason}) after {Trials} trials in {Seconds:0.0} s.",
            stopReason, _ended, _clock.Elapsed.TotalSeconds);
        return new ExperimentResult(
            _session.History.Finished.ToList(), _session.History.Incumbent, stopReason, _clock.Elapsed, _fault, _config.Budget,
            _executor.Abandoned);
    }

    private (TrialSettings Settings, TrialOrigin Origin)? TryPropose()
    {
        try
        {
            var (settings, origin) = _session.Next(_tuner, _run!.Token);
            if (origin == TrialOrigin.Tuner) CheckSpace(settings.Parameter);
            CheckBudget(settings);
            return (settings, origin);
        }
        catch (OperationCanceledException) when (_run!.IsCancellationRequested)
        {
            // The run stopped while the tuner was proposing: a stop, not a fault of the tuner.
            NoteRunStopped();
            return null;
        }
        catch (Exception e)
        {
            Fault(e, $"The tuner's Propose threw for trial {_session.LastTakenId}.");
            return null;
        }
    }

    // The first proposal of a tuner handed over as an instance must be a point of the experiment's space: a tuner built
    // on another space would otherwise fail every trial inside the objective, far from the cause.
    private void CheckSpace(Parameter parameter)
    {
        if (_spaceToCheck is not { } space) return;
        _spaceToCheck = null;
        try
        {
            space.MappingToFeatureSpace(parameter);
        }
        catch (Exception e) when (e is KeyNotFoundException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw new InvalidOperationException(
                $"The tuner {_tuner.GetType().Name} proposed {parameter} (keys: {string.Join(", ", parameter.Keys)}), which is not a point of the search space given to SetSearchSpace (keys: {string.Join(", ", space.Keys)}): " +
                "the tuner was built on another space. Build it on the same space, or give SetTuner a factory, which receives the experiment's space.", e);
        }
    }

    private bool TryRecordStart(TrialSettings settings, TrialOrigin origin)
    {
        try
        {
            _session.Start(settings, origin);
            return true;
        }
        catch (Exception e)
        {
            Fault(e, $"The study could not record the start of trial {settings.TrialId}.");
            return false;
        }
    }

    // The interrupted trial as it was proposed, fresh: same id, parameter, budget and configuration.
    private static TrialSettings Rerun(TrialSettings recorded) => new()
    {
        TrialId = recorded.TrialId,
        Parameter = Parameter.Parse(recorded.Parameter.ToString()),
        Budget = recorded.Budget,
        ConfigId = recorded.ConfigId,
        PreviousBudget = recorded.PreviousBudget,
    };

    // A single-fidelity tuner leaves the budget to the run, which gives it the full budget; a budget outside the range
    // is a tuner bug that would otherwise surface as a confusing objective failure.
    private void CheckBudget(TrialSettings settings)
    {
        if (_config.Budget is not { } range)
            return;
        settings.Budget ??= range.Max;
        var budget = settings.Budget.Value;
        if (!range.Contains(budget))
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The tuner proposed budget {budget}, outside the run's budget range {range}."));
        if (settings.PreviousBudget is { } previous && !(previous >= 0 && previous < budget))
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The tuner proposed a previous budget of {previous} for budget {budget}: it must lie in [0, {budget})."));
    }

    // The executor never throws; this guards against a bug of ours losing a trial the tuner is waiting to hear about.
    private static TrialResult Outcome(TrialSettings settings, Task<TrialResult> task) =>
        task.IsCompletedSuccessfully
            ? task.Result
            : new TrialResult { TrialSettings = settings, Status = TrialStatus.Failed, Error = task.Exception?.ToString() ?? "The trial was lost." };

    private void Record(TrialResult result, int stillRunning)
    {
        _ended++;
        _pruning.End(result.TrialSettings.TrialId, result.Status);
        var bestBefore = _session.History.Incumbent;
        var id = result.TrialSettings.TrialId;
        var spent = _config.SpentBudget?.Invoke(result) ?? result.SpentBudget ?? 0;
        try
        {
            _session.Finish(result);
        }
        catch (Exception e)
        {
            Fault(e, $"The study could not record the end of trial {id}.");
        }
        try
        {
            _tuner.Update(result);
        }
        catch (Exception e)
        {
            Fault(e, $"The tuner's Update threw for trial {id}.");
        }

        if (result.Status == TrialStatus.Cancelled && _run!.IsCancellationRequested)
            NoteRunStopped();

        if (result.Status is TrialStatus.Succeeded or TrialStatus.Pruned)
        {
            _logger.LogInformation("Trial {TrialId} {Status}: loss {Loss} in {Milliseconds:0} ms.",
                id, result.Status, result.Loss, result.DurationInMilliseconds);
            Notify(m => m.OnTrialCompleted(result), $"OnTrialCompleted of trial {id}");
        }
        else
        {
            _logger.LogWarning("Trial {TrialId} {Status}: {Error}", id, result.Status, result.Error);
            Notify(m => m.OnTrialFailed(result), $"OnTrialFailed of trial {id}");
        }

        _spent += spent;

        // The history keeps the incumbent by its rule; this trial is the new one when it took the place.
        if (!ReferenceEquals(_session.History.Incumbent, bestBefore))
        {
            Notify(m => m.OnBestChanged(result), $"OnBestChanged of trial {id}");
        }

        if (_progress is null)
            return;
        var progress = new ExperimentProgress
        {
            TrialsCompleted = _ended,
            TrialsRunning = stillRunning,
            MaxTrials = _config.MaxTrials,
            BestLoss = _session.History.Incumbent?.Loss ?? double.NaN,
            BestTrialId = _session.History.Incumbent?.TrialSettings.TrialId,
            Elapsed = _clock.Elapsed,
            TimeLimit = _config.TimeLimit,
            BudgetSpent = _spent,
            BudgetLimit = _config.BudgetLimit,
        };
        try
        {
            _progress.Report(progress);
        }
        catch (Exception e)
        {
            Fault(e, "The progress sink threw.");
        }
    }

    private void Notify(Action<IExperimentMonitor> call, string what)
    {
        foreach (var monitor in _monitors)
        {
            try
            {
                call(monitor);
            }
            catch (Exception e)
            {
                Fault(e, $"Monitor {monitor.GetType().Name} threw in {what}.");
            }
        }
    }

    // A broken tuner, monitor or progress sink is a bug in the set-up, not in one trial: going on would only repeat
    // it, so the run stops and keeps what it has; the first fault is the one reported.
    private void Fault(Exception e, string where)
    {
        if (_fault is not null)
        {
            _logger.LogError(e, "{Where} (after the run had already stopped on an earlier error)", where);
            return;
        }
        _fault = new InvalidOperationException($"{where} {e.GetType().Name}: {e.Message}", e);
        _logger.LogError(e, "{Where} The run stops.", where);
        _run!.Cancel();
    }

    private void NoteRunStopped() =>
        _stopReason ??= _fault is not null ? StopReason.Faulted
            : _callerToken.IsCancellationRequested ? StopReason.Cancelled
            : StopReason.TimeLimit;

    private string WhyRunStopped() =>
        _fault is not null ? "Cancelled: the run stopped on an error (see ExperimentResult.Fault)."
        : _callerToken.IsCancellationRequested ? "Cancelled: the run was cancelled."
        : string.Create(CultureInfo.InvariantCulture,
            $"Cancelled: the run hit its time limit of {_config.TimeLimit?.TotalSeconds:0.###} s.");
}
