namespace Microsoft.ML.NasTuners.Pruning;

/// <summary>
/// The values every trial of one run reported, and the pruner that judges them: what <see cref="TrialSettings.Report"/>
/// writes to and <see cref="TrialSettings.ShouldPrune"/> asks. Trials report from their own threads, so every access
/// takes the lock. With a study in a store (<see cref="StudyCurves"/>) each report is also written there, and the pruner
/// judges a trial against the study's other curves too: those of other processes and of earlier runs.
/// </summary>
internal sealed class PruningLog
{
    private readonly object _gate = new();
    private readonly Dictionary<int, SortedList<double, double>> _values = [];
    private readonly Dictionary<int, TrialStatus> _status = [];
    private readonly Dictionary<int, string> _prunedBecause = [];

    private readonly StudyCurves? _study;

    public PruningLog(IPruner? pruner, StudyCurves? study = null)
    {
        Pruner = pruner;
        _study = study;
    }

    /// <summary>The pruner; null when the run prunes nothing (reports are still kept).</summary>
    public IPruner? Pruner { get; }

    /// <summary>Records a value; true when the pruner says to stop the trial now.</summary>
    public bool Report(int trialId, double step, double value)
    {
        if (!double.IsFinite(step))
            throw new ArgumentOutOfRangeException(nameof(step), step, "A reported step must be a finite number.");
        lock (_gate)
        {
            if (!_values.TryGetValue(trialId, out var curve))
                _values[trialId] = curve = new SortedList<double, double>();
            curve[step] = value;
            _status.TryAdd(trialId, TrialStatus.Running);
        }
        // Outside the lock: the store is safe to share, and other trials need not wait for this one's write.
        _study?.Write(trialId, step, value);
        if (Pruner is null) return false;
        TrialCurve trial;
        TrialCurve[] others;
        lock (_gate)
        {
            trial = CurveOf(trialId);
            others = OthersThan(trialId);
        }
        if (_study is not null) others = WithStudy(trialId, others, _study.Read());
        // NaN says the trial diverged: nothing to compare, and nothing worth continuing.
        var prune = double.IsNaN(value) || Pruner.ShouldPrune(trial, others);
        if (prune)
            lock (_gate)
                _prunedBecause[trialId] = FormattableString.Invariant($"pruned at step {step} (value {value}) by {Pruner.GetType().Name}");
        return prune;
    }

    /// <summary>True when the pruner has said to stop the trial at one of its reports.</summary>
    public bool WasPruned(int trialId)
    {
        lock (_gate) return _prunedBecause.ContainsKey(trialId);
    }

    /// <summary>Why the trial was pruned, or null.</summary>
    public string? PrunedBecause(int trialId)
    {
        lock (_gate) return _prunedBecause.GetValueOrDefault(trialId);
    }

    /// <summary>The trial's values by step.</summary>
    public IReadOnlyList<IntermediateValue> ValuesOf(int trialId)
    {
        lock (_gate)
            return _values.TryGetValue(trialId, out var curve) ? curve.Select(kv => new IntermediateValue(kv.Key, kv.Value)).ToArray() : [];
    }

    /// <summary>Marks a trial ended, so pruners count it among the completed.</summary>
    public void End(int trialId, TrialStatus status)
    {
        lock (_gate)
            if (_values.ContainsKey(trialId)) _status[trialId] = status;
    }

    private TrialCurve[] OthersThan(int trialId) => _values.Keys.Where(id => id != trialId).Order().Select(CurveOf).ToArray();

    // This run's curves are current; the study adds the trials this run does not hold, by id.
    private static TrialCurve[] WithStudy(int trialId, TrialCurve[] own, IReadOnlyList<TrialCurve> study)
    {
        var held = own.Select(c => c.TrialId).Append(trialId).ToHashSet();
        return own.Concat(study.Where(c => !held.Contains(c.TrialId))).OrderBy(c => c.TrialId).ToArray();
    }

    private TrialCurve CurveOf(int id) => new(id, _status.GetValueOrDefault(id, TrialStatus.Running),
        _values[id].Select(kv => new IntermediateValue(kv.Key, kv.Value)).ToArray());
}
