using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.NasTuners.Pruning;

namespace Microsoft.ML.NasTuners;

/// <summary>
/// Runs one trial through an <see cref="ITrialRunner"/> and always returns its <see cref="TrialResult"/>, never an
/// exception: the loop must keep going whatever a trial does.
/// </summary>
internal sealed class TrialExecutor
{
    private readonly ITrialRunner _runner;
    private readonly TimeSpan? _trialTimeout;
    private readonly bool _inline;
    // How long a trial told to stop may take to return before it is abandoned.
    private static readonly TimeSpan StopGrace = TimeSpan.FromMilliseconds(100);

    private readonly List<AbandonedTrial> _abandoned = [];
    private readonly object _gate = new();

    /// <summary>Every trial whose work was abandoned, in the order it was.</summary>
    public IReadOnlyList<AbandonedTrial> Abandoned
    {
        get
        {
            lock (_gate) return _abandoned.ToList();
        }
    }

    /// <summary>How many abandoned objectives still run.</summary>
    public int AbandonedRunning
    {
        get
        {
            lock (_gate) return _abandoned.Count(a => a.IsRunning);
        }
    }

    public TrialExecutor(ITrialRunner runner, TimeSpan? trialTimeout, bool inline = false)
    {
        _inline = inline;
        _runner = runner;
        _trialTimeout = trialTimeout;
    }

    /// <summary>Runs the trial until it returns, times out or the run stops, whichever comes first.</summary>
    /// <param name="settings">The proposed trial; its <see cref="TrialSettings.EndedAtUtc"/> is set here.</param>
    /// <param name="runToken">Cancelled when the whole run stops.</param>
    /// <param name="whyRunStopped">The error text for a trial cut short by the run stopping.</param>
    public async Task<TrialResult> RunAsync(TrialSettings settings, CancellationToken runToken, Func<string> whyRunStopped)
    {
        var clock = Stopwatch.StartNew();
        if (runToken.IsCancellationRequested)
            return End(settings, clock, TrialStatus.Cancelled, whyRunStopped());

        var trial = CancellationTokenSource.CreateLinkedTokenSource(runToken);
        if (_trialTimeout is { } timeout)
            trial.CancelAfter(timeout);

        // Task.Run: a runner may do its synchronous part (or all its work) before its first await, and the loop must
        // not wait for that.
        var work = _inline ? RunInline(settings, trial.Token) : Task.Run(() => _runner.RunAsync(settings, trial.Token));
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (trial.Token.Register(static s => ((TaskCompletionSource)s!).TrySetResult(), stopped))
            await Task.WhenAny(work, stopped.Task).ConfigureAwait(false);

        if (!trial.IsCancellationRequested)
        {
            trial.Dispose();
            return await FromFinishedWork(settings, clock, work).ConfigureAwait(false);
        }

        // A moment's grace: an objective that honours its token ends now, and only one that ignores it is abandoned.
        await Task.WhenAny(work, Task.Delay(StopGrace, CancellationToken.None)).ConfigureAwait(false);
        // Once the trial was told to stop, whatever it returns is likely partial, so the stop decides the status.
        var result = runToken.IsCancellationRequested
            ? End(settings, clock, TrialStatus.Cancelled, whyRunStopped())
            : End(settings, clock, TrialStatus.TimedOut, TimeoutMessage(work.IsCompleted));
        Abandon(settings.TrialId, work, trial);
        return result;
    }

    // On the caller's thread, for runners that finish before they return: no thread-pool thread waits on another.
    private Task<TrialResult> RunInline(TrialSettings settings, CancellationToken token)
    {
        try
        {
            return _runner.RunAsync(settings, token);
        }
        catch (Exception e)
        {
            return Task.FromException<TrialResult>(e);
        }
    }

    private string TimeoutMessage(bool returned) => string.Create(CultureInfo.InvariantCulture,
        $"Timed out: the trial ran longer than its timeout of {_trialTimeout!.Value.TotalSeconds:0.###} s")
        + (returned ? "." : "; it had not returned when asked to stop and was abandoned.");

    private static async Task<TrialResult> FromFinishedWork(TrialSettings settings, Stopwatch clock, Task<TrialResult> work)
    {
        TrialResult? reported;
        try
        {
            reported = await work.ConfigureAwait(false);
        }
        catch (TrialPrunedException e)
        {
            // The objective stopped early: its loss is the last value it reported (NaN when it reported none).
            return End(settings, clock, TrialStatus.Pruned, e.Message, LastReported(settings));
        }
        catch (Exception e)
        {
            return End(settings, clock, TrialStatus.Failed, e.ToString());
        }

        if (reported is null)
            return End(settings, clock, TrialStatus.Failed, "The trial runner returned no result (null).");
        if (reported.Status == TrialStatus.Running)
            return End(settings, clock, TrialStatus.Failed, "The trial runner returned a result whose status is still Running.");
        if (reported.Status == TrialStatus.Succeeded && !double.IsFinite(reported.Loss))
            return End(settings, clock, TrialStatus.Failed, LossError(reported.Loss), reported.Loss, reported.Metric);
        return End(settings, clock, reported.Status, reported.Error, reported.Loss, reported.Metric, reported.SpentBudget);
    }

    private static double LastReported(TrialSettings settings) =>
        settings.IntermediateValues is { Count: > 0 } values ? values[^1].Value : double.NaN;

    private static string LossError(double loss) => double.IsNaN(loss)
        ? "loss was NaN"
        : double.IsPositiveInfinity(loss) ? "loss was +Infinity" : "loss was -Infinity";

    // Without a report of what it spent, a trial is charged its whole budget: a plain objective restarts training.
    private static TrialResult End(TrialSettings settings, Stopwatch clock, TrialStatus status, string? error,
        double loss = double.NaN, double metric = double.NaN, double? spentBudget = null)
    {
        settings.EndedAtUtc = DateTime.UtcNow;
        return new TrialResult
        {
            TrialSettings = settings,
            Status = status,
            Error = error,
            Loss = status is TrialStatus.Cancelled or TrialStatus.TimedOut ? double.NaN : loss,
            Metric = metric,
            DurationInMilliseconds = clock.Elapsed.TotalMilliseconds,
            SpentBudget = spentBudget ?? settings.Budget,
        };
    }

    // The abandoned work may still be running: its token source lives until it ends, and its exception is observed
    // so that it never surfaces as an unobserved task exception.
    private void Abandon(int trialId, Task<TrialResult> work, CancellationTokenSource trial)
    {
        if (!work.IsCompleted)
        {
            lock (_gate) _abandoned.Add(new AbandonedTrial(trialId, work.ContinueWith(static _ => { }, TaskScheduler.Default)));
        }
        _ = work.ContinueWith(
            static (t, state) =>
            {
                _ = t.Exception;
                ((CancellationTokenSource)state!).Dispose();
            },
            trial,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
