namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// One bracket of synchronous successive halving in progress: the configurations of its current rung, which wait to
/// run, run, or are done. When every configuration of the rung is done, the best ⌊n η^-(i+1)⌋ with a usable loss are
/// promoted to the next rung, keeping their ids.
/// </summary>
internal sealed class BracketRun
{
    private readonly HyperbandBracket _plan;
    private List<Entry> _entries = [];
    private int _sampled;

    public BracketRun(HyperbandBracket plan) => _plan = plan;

    /// <summary>The index of the current rung in the bracket.</summary>
    public int Rung { get; private set; }

    /// <summary>True once the last rung is done (or nothing was left to promote).</summary>
    public bool IsFinished { get; private set; }

    /// <summary>The next job of the current rung, or null when the rung has nothing left to start (it waits for
    /// results, or the bracket is finished).</summary>
    public (SuccessiveHalvingJob Job, Entry Entry)? TryNext(Func<int> newConfigId, Func<double[]> newConfiguration)
    {
        if (IsFinished)
            return null;
        var rung = _plan.Rungs[Rung];
        if (Rung == 0 && _sampled < rung.Configurations)
        {
            var entry = new Entry(newConfigId(), newConfiguration(), _sampled++) { State = EntryState.Running };
            _entries.Add(entry);
            return (new SuccessiveHalvingJob(entry.ConfigId, entry.Point, rung.Budget, null), entry);
        }
        var waiting = _entries.FirstOrDefault(e => e.State == EntryState.Waiting);
        if (waiting is null)
            return null;
        waiting.State = EntryState.Running;
        var previous = _plan.Rungs[Rung - 1].Budget;
        return (new SuccessiveHalvingJob(waiting.ConfigId, waiting.Point, rung.Budget, previous < rung.Budget ? previous : null), waiting);
    }

    /// <summary>Records the loss of one of the current rung's entries and promotes when the rung is complete.</summary>
    public void Report(Entry entry, double loss)
    {
        entry.State = EntryState.Done;
        entry.Loss = loss;
        var complete = _entries.All(e => e.State == EntryState.Done) && (Rung > 0 || _sampled == _plan.Rungs[0].Configurations);
        if (complete)
            Advance();
    }

    private void Advance()
    {
        if (Rung == _plan.Rungs.Count - 1)
        {
            IsFinished = true;
            return;
        }
        var keep = _plan.Rungs[Rung + 1].Configurations;
        // Ties go to the configuration sampled first, so a run reads the same every time.
        _entries = _entries
            .Where(e => double.IsFinite(e.Loss))
            .OrderBy(e => e.Loss)
            .ThenBy(e => e.Order)
            .Take(keep)
            .Select(e => new Entry(e.ConfigId, e.Point, e.Order))
            .ToList();
        Rung++;
        IsFinished = _entries.Count == 0;
    }

    /// <summary>A configuration in the current rung.</summary>
    internal sealed class Entry(int configId, double[] point, int order)
    {
        public int ConfigId { get; } = configId;
        public double[] Point { get; } = point;
        public int Order { get; } = order;
        public EntryState State { get; set; } = EntryState.Waiting;
        public double Loss { get; set; } = double.NaN;
    }

    /// <summary>Where an entry of the current rung stands.</summary>
    internal enum EntryState
    {
        Waiting,
        Running,
        Done,
    }
}
