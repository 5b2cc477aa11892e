namespace Microsoft.ML.NasTuners;

/// <summary>
/// The one record of a study's trials, in id order: what every part that needs the trials reads (the experiment
/// loop, a store, a resumed study, the replay that rebuilds a tuner). What each status means is
/// <see cref="TrialStatusRules"/>.
/// </summary>
/// <remarks>Not thread-safe: the experiment loop and a study call it from one flow of control.</remarks>
public sealed class TrialHistory
{
    private readonly SortedList<int, HistoryTrial> _trials = [];

    /// <summary>Every trial, by id.</summary>
    public IReadOnlyList<HistoryTrial> Trials => _trials.Values as IReadOnlyList<HistoryTrial> ?? _trials.Values.ToList();

    /// <summary>The trials still running, by id.</summary>
    public IEnumerable<HistoryTrial> Pending => _trials.Values.Where(t => TrialStatusRules.IsPending(t.Status));

    /// <summary>The results of the trials that ended, by id.</summary>
    public IEnumerable<TrialResult> Finished => _trials.Values.Where(t => t.Result is not null).Select(t => t.Result!);

    /// <summary>How many trials there are, running ones included.</summary>
    public int Count => _trials.Count;

    /// <summary>The id the next trial gets: one more than the largest so far (0 for the first).</summary>
    public int NextId => _trials.Count == 0 ? 0 : _trials.Keys[^1] + 1;

    /// <summary>The budget spent by the trials that ended (their <see cref="TrialResult.SpentBudget"/>).</summary>
    public double SpentBudget => Finished.Sum(r => r.SpentBudget ?? 0);

    /// <summary>The best trial: among those with a modelled loss, the ones at the highest budget win, and among them
    /// the lowest loss (the earlier trial on a tie); null when none has a loss. Without budgets every trial is at the
    /// same level.</summary>
    public TrialResult? Incumbent
    {
        get
        {
            TrialResult? best = null;
            foreach (var result in Finished.Where(TrialStatusRules.IsModelled))
            {
                if (IsBetter(result, best)) best = result;
            }
            return best;
        }
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
        return _trials[id] = trial with { Result = result };
    }

    /// <summary>Records a trial that starts and ends at once (a result from elsewhere, or one read back from a store).</summary>
    public HistoryTrial Add(TrialSettings settings, TrialOrigin origin, TrialResult? result)
    {
        Start(settings, origin);
        return result is null ? _trials[settings.TrialId] : Finish(result);
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
