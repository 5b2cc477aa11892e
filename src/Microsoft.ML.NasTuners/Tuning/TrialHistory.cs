namespace Microsoft.ML.NasTuners;

/// <summary>
/// The one record of a study's trials, in id order: what every part that needs the trials reads (the experiment
/// loop, a store, a resumed study, the replay that rebuilds a tuner). What each status means is
/// <see cref="TrialStatusRules"/>.
/// </summary>
/// <remarks>Not thread-safe: the experiment loop and a study call it from one flow of control. The counts, the next
/// id, the budget spent and the incumbent are kept up to date as trials end, so a history that forgets its ended
/// trials (a benchmark run of any length) still answers them.</remarks>
public sealed class TrialHistory
{
    private readonly SortedList<int, HistoryTrial> _trials = [];
    private readonly bool _keepFinished;
    private int _count;
    private int _maxId = -1;
    private double _spent;
    private TrialResult? _incumbent;

    /// <summary>Creates an empty history.</summary>
    /// <param name="keepFinished">Keep every ended trial (the default). False keeps only the running ones, for runs
    /// too long to hold: <see cref="Trials"/> and <see cref="Finished"/> then hold no ended trial.</param>
    public TrialHistory(bool keepFinished = true) => _keepFinished = keepFinished;

    /// <summary>Every trial, by id.</summary>
    public IReadOnlyList<HistoryTrial> Trials => _trials.Values as IReadOnlyList<HistoryTrial> ?? _trials.Values.ToList();

    /// <summary>The trials still running, by id.</summary>
    public IEnumerable<HistoryTrial> Pending => _trials.Values.Where(t => TrialStatusRules.IsPending(t.Status));

    /// <summary>The results of the trials that ended, by id.</summary>
    public IEnumerable<TrialResult> Finished => _trials.Values.Where(t => t.Result is not null).Select(t => t.Result!);

    /// <summary>How many trials there are, running ones included.</summary>
    public int Count => _count;

    /// <summary>The id the next trial gets: one more than the largest so far (0 for the first).</summary>
    public int NextId => _maxId + 1;

    /// <summary>The budget spent by the trials that ended (their <see cref="TrialResult.SpentBudget"/>).</summary>
    public double SpentBudget => _spent;

    /// <summary>The best trial: among those with a modelled loss, the ones at the highest budget win, and among them
    /// the lowest loss (the one that ended first on a tie); null when none has a loss. Without budgets every trial is
    /// at the same level.</summary>
    public TrialResult? Incumbent => _incumbent;

    /// <summary>The wall time during which at least one kept trial that ended was running: the union of their
    /// start-to-end spans. A resumed study's time limit counts it, and not the time the study lay idle (nor the time
    /// since a crashed process left a trial running).</summary>
    public TimeSpan BusyTime()
    {
        var spans = _trials.Values
            .Where(t => t.Result?.TrialSettings.EndedAtUtc is not null)
            .Select(t => (Start: t.Settings.StartedAtUtc, End: t.Result!.TrialSettings.EndedAtUtc!.Value))
            .Where(s => s.Start != default && s.End >= s.Start)
            .OrderBy(s => s.Start);
        var busy = TimeSpan.Zero;
        DateTime? from = null, to = null;
        foreach (var (start, end) in spans)
        {
            if (to is { } t && start <= t)
            {
                if (end > t) to = end;
                continue;
            }
            if (from is { } f) busy += to!.Value - f;
            (from, to) = (start, end);
        }
        if (from is { } last) busy += to!.Value - last;
        return busy;
    }

    /// <summary>The trial with id <paramref name="id"/>, or null.</summary>
    public HistoryTrial? this[int id] => _trials.GetValueOrDefault(id);

    /// <summary>Records a trial that starts.</summary>
    /// <exception cref="InvalidOperationException">A trial with that id is already recorded.</exception>
    public HistoryTrial Start(TrialSettings settings, TrialOrigin origin = TrialOrigin.Tuner)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (_trials.ContainsKey(settings.TrialId))
            throw new InvalidOperationException($"Trial {settings.TrialId} is already in the history.");
        var trial = new HistoryTrial(settings, origin, null);
        _trials.Add(settings.TrialId, trial);
        _count++;
        _maxId = Math.Max(_maxId, settings.TrialId);
        return trial;
    }

    /// <summary>Records how a trial ended. A result reported as <see cref="TrialStatus.Running"/> changes nothing.</summary>
    /// <exception cref="InvalidOperationException">The trial is not in the history, or has already ended.</exception>
    public HistoryTrial Finish(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var id = result.TrialSettings.TrialId;
        if (!_trials.TryGetValue(id, out var trial))
            throw new InvalidOperationException($"Trial {id} is not in the history.");
        if (TrialStatusRules.IsPending(result.Status)) return trial;
        if (trial.Result is not null)
            throw new InvalidOperationException($"Trial {id} has already ended ({trial.Status}); an ended trial is never overwritten.");
        _spent += result.SpentBudget ?? 0;
        if (TrialStatusRules.IsModelled(result) && IsBetter(result, _incumbent)) _incumbent = result;
        var ended = trial with { Result = result };
        if (_keepFinished) _trials[id] = ended;
        else _trials.Remove(id);
        return ended;
    }

    /// <summary>Records a trial that starts and ends at once (a result from elsewhere, or one read back from a store).</summary>
    public HistoryTrial Add(TrialSettings settings, TrialOrigin origin, TrialResult? result)
    {
        var started = Start(settings, origin);
        return result is null ? started : Finish(result);
    }

    // Losses at different budgets do not compare: a higher budget wins, and within one budget a strictly lower loss.
    internal static bool IsBetter(TrialResult candidate, TrialResult? best)
    {
        if (best is null) return true;
        var budget = candidate.TrialSettings.Budget ?? double.PositiveInfinity;
        var bestBudget = best.TrialSettings.Budget ?? double.PositiveInfinity;
        return budget > bestBudget || (budget == bestBudget && candidate.Loss < best.Loss);
    }
}
