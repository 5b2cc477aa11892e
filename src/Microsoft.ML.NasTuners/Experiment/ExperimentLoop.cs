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

    private readonly List<TrialResult> _finished = [];
    private readonly Stopwatch _clock = new();
    private CancellationTokenSource? _run;
    private CancellationToken _callerToken;
    private TrialResult? _best;
    private double _spent;
    private Exception? _fault;
    private StopReason? _stopReason;

    public ExperimentLoop(ExperimentConfiguration config, ITuner tuner, ITrialRunner runner,
        IReadOnlyList<IExperimentMonitor> monitors, IProgress<ExperimentProgress>? progress, ILogger logger)
    {
        _config = config;
        _tuner = tuner;
        _executor = new TrialExecutor(runner, config.TrialTimeout);
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
        if (_config.TimeLimit is { } limit)
            timeLimit.CancelAfter(limit);
        _logger.LogInformation("Experiment started: {MaxTrials} trials at most, {Parallelism} at a time.",
            _config.MaxTrials, _config.DegreeOfParallelism);

        // Committed is what a running trial is expected to spend, taken when it starts: the runner may change its
        // settings on another thread while it runs.
        var running = new List<(TrialSettings Settings, Task<TrialResult> Task, double Committed)>();
        var nextId = 0;
        while (true)
        {
            while (_fault is null && running.Count < _config.DegreeOfParallelism && nextId < _config.MaxTrials)
            {
                if (run.IsCancellationRequested)
                {
                    NoteRunStopped();
                    break;
                }
                if (_config.BudgetLimit is { } budgetLimit && _spent + running.Sum(r => r.Committed) >= budgetLimit)
                {
                    _stopReason ??= StopReason.BudgetLimit;
                    break;
                }
                var settings = new TrialSettings { TrialId = nextId };
                if (!TryPropose(settings))
                    break;
                nextId++;
                settings.StartedAtUtc = DateTime.UtcNow;
                _logger.LogDebug("Trial {TrialId} started: {Parameter}.", settings.TrialId, settings.Parameter);
                Notify(m => m.OnTrialStarted(settings), $"OnTrialStarted of trial {settings.TrialId}");
                var committed = settings.Budget is { } budget ? budget - (settings.PreviousBudget ?? 0) : 0;
                running.Add((settings, _executor.RunAsync(settings, run.Token, WhyRunStopped), committed));
            }
            if (running.Count == 0)
                break;

            await Task.WhenAny(running.Select(r => r.Task)).ConfigureAwait(false);
            // Several trials may have ended together: record them in id order so a run reads the same every time.
            foreach (var done in running.Where(r => r.Task.IsCompleted).OrderBy(r => r.Settings.TrialId).ToList())
            {
                running.Remove(done);
                Record(Outcome(done.Settings, done.Task), running.Count);
            }
        }

        var stopReason = _fault is not null ? StopReason.Faulted : _stopReason ?? StopReason.MaxTrials;
        _logger.LogInformation("Experiment stopped ({StopReason}) after {Trials} trials in {Seconds:0.0} s.",
            stopReason, _finished.Count, _clock.Elapsed.TotalSeconds);
        return new ExperimentResult(
            _finished.OrderBy(r => r.TrialSettings.TrialId).ToList(), _best, stopReason, _clock.Elapsed, _fault, _config.Budget);
    }

    private bool TryPropose(TrialSettings settings)
    {
        try
        {
            settings.Parameter = _tuner.Propose(settings)
                ?? throw new InvalidOperationException("Propose returned null.");
            CheckBudget(settings);
            return true;
        }
        catch (Exception e)
        {
            Fault(e, $"The tuner's Propose threw for trial {settings.TrialId}.");
            return false;
        }
    }

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
        _finished.Add(result);
        var id = result.TrialSettings.TrialId;
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

        _spent += result.SpentBudget ?? 0;

        if (result.HasUsableLoss && IsBetterThanBest(result))
        {
            _best = result;
            Notify(m => m.OnBestChanged(result), $"OnBestChanged of trial {id}");
        }

        if (_progress is null)
            return;
        var progress = new ExperimentProgress
        {
            TrialsCompleted = _finished.Count,
            TrialsRunning = stillRunning,
            MaxTrials = _config.MaxTrials,
            BestLoss = _best?.Loss ?? double.NaN,
            BestTrialId = _best?.TrialSettings.TrialId,
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

    // Losses at different budgets do not compare: a higher budget wins, and within one budget a strictly lower loss (on
    // a tie the earlier trial stays best). Without budgets every trial is at the same level.
    private bool IsBetterThanBest(TrialResult result)
    {
        if (_best is null)
            return true;
        var budget = result.TrialSettings.Budget ?? double.PositiveInfinity;
        var bestBudget = _best.TrialSettings.Budget ?? double.PositiveInfinity;
        return budget > bestBudget || (budget == bestBudget && result.Loss < _best.Loss);
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
