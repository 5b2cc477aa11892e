namespace Microsoft.ML.NasTuners;

/// <summary>
/// A tuner's view of the trial history, kept by every model-based tuner in one way: each trial's point in the tuner's
/// encoding, classified by <see cref="TrialStatusRules"/> (pending, modelled or bad; a cancelled trial is forgotten,
/// a result reported as running changes nothing), with the queries the tuners share: the modelled trials in the order
/// their results arrived, the pending points, whether a point is taken, the trials at the highest budget.
/// </summary>
/// <typeparam name="TPoint">The tuner's encoding of a parameter.</typeparam>
/// <remarks>Pending points enumerate as a dictionary keyed by trial id does (a freed slot is reused), the order the
/// tuners' acquisitions have always seen; <see cref="PendingById"/> gives them by id.</remarks>
internal sealed class TunerHistory<TPoint>
    where TPoint : notnull
{
    // Keyed by (id, arrival), so that a result reusing an ended trial's id (a caller numbering trials itself) adds a
    // trial rather than losing one.
    private readonly SortedList<(int Id, int Arrival), TunerTrial<TPoint>> _byId = [];
    private readonly Dictionary<int, TunerTrial<TPoint>> _pending = [];
    private readonly List<TunerTrial<TPoint>> _modelled = [];
    private readonly List<TunerTrial<TPoint>> _ended = [];
    private readonly HashSet<TPoint>? _taken;
    private int _badCount;
    private int _arrivals;

    /// <summary>Creates an empty history.</summary>
    /// <param name="takenComparer">When given, <see cref="IsTaken"/> answers from a hash set with this equality;
    /// otherwise the tuner scans <see cref="Blocking"/> itself.</param>
    public TunerHistory(IEqualityComparer<TPoint>? takenComparer = null)
    {
        if (takenComparer is not null) _taken = new HashSet<TPoint>(takenComparer);
    }

    /// <summary>Every trial the tuner knows, by id (cancelled ones are forgotten).</summary>
    public IList<TunerTrial<TPoint>> ById => _byId.Values;

    /// <summary>The modelled trials, in the order their results arrived.</summary>
    public IReadOnlyList<TunerTrial<TPoint>> Modelled => _modelled;

    /// <summary>The ended trials, modelled and bad, in the order their results arrived.</summary>
    public IReadOnlyList<TunerTrial<TPoint>> Ended => _ended;

    /// <summary>Grows with every change to <see cref="Ended"/>, so a model fitted to the ended trials knows when it is
    /// stale.</summary>
    public int Version { get; private set; }

    /// <summary>The pending trials (see the remarks for their order).</summary>
    public IEnumerable<TunerTrial<TPoint>> Pending => _pending.Values;

    /// <summary>The pending trials by id.</summary>
    public IEnumerable<TunerTrial<TPoint>> PendingById => _byId.Values.Where(t => t.Use == TrialUse.Pending);

    public int PendingCount => _pending.Count;

    public int BadCount => _badCount;

    /// <summary>The points that keep a point from being proposed again: every known trial's.</summary>
    public IEnumerable<TPoint> Blocking => _byId.Values.Select(t => t.Point);

    /// <summary>True when <paramref name="point"/> belongs to a pending or ended trial (needs a comparer).</summary>
    public bool IsTaken(TPoint point) => _taken is not null
        ? _taken.Contains(point)
        : throw new InvalidOperationException("This history has no comparer for taken points.");

    /// <summary>Records a proposal. Proposing again for a pending id replaces that trial's point.</summary>
    public TunerTrial<TPoint> Propose(int id, TPoint point)
    {
        if (_pending.TryGetValue(id, out var old))
            Forget(old);
        var trial = Add(id, point);
        _pending[id] = trial;
        return trial;
    }

    /// <summary>Records how a trial ended, by <see cref="TrialStatusRules"/>. A result for a trial the tuner did not
    /// propose is recorded at <paramref name="foreignPoint"/>'s point (null: the parameter is not of this space, and
    /// the result is dropped).</summary>
    /// <param name="result">How the trial ended.</param>
    /// <param name="foreignPoint">The point of a trial the tuner did not propose.</param>
    /// <param name="budget">The budget to record, when the tuner knows it better than the result (a schedule's job);
    /// default the result's.</param>
    /// <returns>The ended trial; null when nothing was recorded (still running, cancelled, or dropped).</returns>
    public TunerTrial<TPoint>? Tell(TrialResult result, Func<TPoint?> foreignPoint, double? budget = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (TrialStatusRules.IsPending(result.Status)) return null;
        var id = result.TrialSettings.TrialId;
        _pending.Remove(id, out var trial);
        if (!TrialStatusRules.BlocksReproposal(result.Status))
        {
            if (trial is not null) Forget(trial);
            return null;
        }
        if (trial is null)
        {
            if (foreignPoint() is not { } point) return null;
            trial = Add(id, point);
        }
        trial.Budget = budget ?? result.TrialSettings.Budget ?? double.PositiveInfinity;
        trial.DurationMs = result.DurationInMilliseconds;
        _ended.Add(trial);
        Version++;
        if (TrialStatusRules.IsModelled(result))
        {
            trial.Use = TrialUse.Modelled;
            trial.Loss = result.Loss;
            _modelled.Add(trial);
        }
        else
        {
            trial.Use = TrialUse.Bad;
            _badCount++;
        }
        return trial;
    }

    /// <summary>The modelled trials at the highest budget among them, in the order their results arrived (a missing
    /// budget is the full one).</summary>
    public List<TunerTrial<TPoint>> ModelledAtHighestBudget()
    {
        if (_modelled.Count == 0) return [];
        var top = _modelled.Max(t => t.Budget);
        return _modelled.Where(t => t.Budget == top).ToList();
    }

    private TunerTrial<TPoint> Add(int id, TPoint point)
    {
        var trial = new TunerTrial<TPoint>(id, point, _arrivals++);
        _byId.Add((id, trial.Arrival), trial);
        _taken?.Add(point);
        return trial;
    }

    private void Forget(TunerTrial<TPoint> trial)
    {
        _byId.Remove((trial.Id, trial.Arrival));
        _pending.Remove(trial.Id);
        if (trial.Use == TrialUse.Modelled) _modelled.Remove(trial);
        else if (trial.Use == TrialUse.Bad) _badCount--;
        if (trial.Use != TrialUse.Pending && _ended.Remove(trial)) Version++;
        // Another trial may share the point (a repeat in a nearly exhausted space): it stays taken then.
        if (_taken is not null && !_byId.Values.Any(t => _taken.Comparer.Equals(t.Point, trial.Point)))
            _taken.Remove(trial.Point);
    }
}
