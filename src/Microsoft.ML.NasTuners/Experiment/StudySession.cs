using Microsoft.ML.NasTuners.Pruning;
using Microsoft.ML.NasTuners.Storage;

namespace Microsoft.ML.NasTuners;

/// <summary>
/// One run's view of a study: the <see cref="TrialHistory"/>, kept in step with a store when the study is durable, and
/// the parameters queued to be evaluated before the tuner is asked. Both the experiment loop and ask/tell
/// (<see cref="NasStudy"/>) go through it, so a trial is recorded the same way whoever runs it.
/// </summary>
/// <remarks>Every trial is written to the store when it starts and again when it ends, each in its own transaction,
/// so a process killed at any moment loses at most the trials in flight, which stay <see cref="TrialStatus.Running"/>
/// in the store until a resumed run deals with them (<see cref="InterruptedTrialPolicy"/>).</remarks>
internal sealed class StudySession
{
    /// <summary>The note of a trial whose parameter was given rather than proposed (enqueued, defaults, added).</summary>
    internal const string GivenNote = "given";

    private readonly ITrialStore? _store;
    private readonly string? _study;
    private readonly Queue<Parameter> _queued = new();
    // What an annotating tuner said of the trials it proposed, until they are recorded as finished.
    private readonly Dictionary<int, string> _notes = [];
    // Trials that runs in other processes started on this study and that had not ended when last read: the study is
    // read again at each new id until they have, and the tuner learns each result once.
    private readonly HashSet<int> _othersRunning = [];

    private StudySession(ITrialStore? store, string? study, bool keepFinished = true)
    {
        _store = store;
        _study = study;
        History = new TrialHistory(keepFinished);
        Curves = store is null ? null : new StudyCurves(store, study!);
    }

    /// <summary>Where the trials' reports go and the pruner reads the study's curves; null for a run that keeps nothing.</summary>
    public StudyCurves? Curves { get; }

    /// <summary>The trials of the study, previous runs' included.</summary>
    public TrialHistory History { get; }

    /// <summary>The study's name, or null for a run that keeps nothing.</summary>
    public string? StudyName => _study;

    /// <summary>The trials that count toward the study's trial limit: those of the history and those other processes
    /// were running when this run last read the study.</summary>
    public int CountedTrials => History.Count + _othersRunning.Count;

    /// <summary>The id <see cref="TakeId"/> gave last (the trial a failed proposal was for); null before the first.</summary>
    public int? LastTakenId { get; private set; }

    /// <summary>How many queued parameters wait to be evaluated.</summary>
    public int QueuedCount => _queued.Count;

    /// <summary>A session that keeps its trials in memory only; with <paramref name="keepFinished"/> false only the
    /// running ones (see <see cref="TrialHistory(bool)"/>).</summary>
    public static StudySession InMemory(bool keepFinished = true) => new(null, null, keepFinished);

    /// <summary>Opens (or creates) the study <paramref name="name"/> in <paramref name="store"/> and reads its trials.</summary>
    /// <param name="store">The store.</param>
    /// <param name="name">The study.</param>
    /// <param name="space">The search space the study must have (written when it is new).</param>
    /// <param name="attributes">Attributes written when the study is new.</param>
    /// <param name="leaveRunning">Whether running trials may be other processes' (<see cref="InterruptedTrialPolicy.LeaveRunning"/>):
    /// they are then not read as this run's interrupted trials, and their results are learned when they end.</param>
    /// <exception cref="InvalidOperationException">The study exists with another search space.</exception>
    public static StudySession Open(ITrialStore store, string name, SearchSpace? space, IReadOnlyDictionary<string, string>? attributes = null,
        bool leaveRunning = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.LoadOrCreateStudy(name, space?.ToJson(), attributes);
        var session = new StudySession(store, name);
        foreach (var trial in store.GetTrials(name))
        {
            if (leaveRunning && trial.Status == TrialStatus.Running)
            {
                session._othersRunning.Add(trial.Id);
                continue;
            }
            session.History.Add(trial.ToSettings(), trial.Note == GivenNote ? TrialOrigin.Given : TrialOrigin.Tuner, trial.ToResult());
        }
        return session;
    }

    /// <summary>Queues <paramref name="parameter"/> to be evaluated before the tuner is asked again.</summary>
    public void Enqueue(Parameter parameter) => _queued.Enqueue(parameter ?? throw new ArgumentNullException(nameof(parameter)));

    /// <summary>The next trial: a queued parameter if any, otherwise the tuner's proposal. It is recorded as started
    /// (in the store too) once <see cref="Start"/> is called.</summary>
    /// <returns>The settings and whether the tuner proposed them.</returns>
    public (TrialSettings Settings, TrialOrigin Origin) Next(ITuner tuner, CancellationToken cancellationToken = default)
    {
        var settings = new TrialSettings { TrialId = TakeId(tuner) };
        if (_queued.TryDequeue(out var given))
        {
            settings.Parameter = given;
            return (settings, TrialOrigin.Given);
        }
        settings.Parameter = tuner.Propose(settings, cancellationToken) ?? throw new InvalidOperationException("Propose returned null.");
        if (tuner is IAnnotatingTuner annotating && annotating.NoteOf(settings.TrialId) is { } note)
            _notes[settings.TrialId] = note;
        return (settings, TrialOrigin.Tuner);
    }

    /// <summary>The id of the next trial. In a store it is reserved there, so that a run in another process on the same
    /// study never takes it too. When that shows another run at work (an id was reserved elsewhere since this run's last),
    /// the trials it ended since are read into the history and told to <paramref name="tuner"/> as trials it did not
    /// propose, so that runs sharing a study learn from each other and share its limits (which count the history).</summary>
    public int TakeId(ITuner tuner)
    {
        ArgumentNullException.ThrowIfNull(tuner);
        if (_store is null)
        {
            LastTakenId = History.NextId;
            return History.NextId;
        }
        var id = _store.ReserveTrialId(_study!);
        var reservedElsewhere = id != ExpectedId();
        LastTakenId = id;
        if (reservedElsewhere || _othersRunning.Count > 0) LearnOthersTrials(tuner);
        return id;
    }

    // The id the store gives when no other process has reserved one since this run's last reservation (or since it
    // read the study, before its first).
    private int ExpectedId() =>
        LastTakenId is { } last ? last + 1 : Math.Max(History.NextId, _othersRunning.Count > 0 ? _othersRunning.Max() + 1 : 0);

    private void LearnOthersTrials(ITuner tuner)
    {
        foreach (var trial in _store!.GetTrials(_study!))
        {
            if (History[trial.Id] is not null) continue;
            if (trial.ToResult() is not { } result)
            {
                _othersRunning.Add(trial.Id);
                continue;
            }
            _othersRunning.Remove(trial.Id);
            History.Add(trial.ToSettings(), TrialOrigin.Given, result);
            tuner.Update(result);
        }
    }

    /// <summary>Records a trial that starts, in the history and the store.</summary>
    public void Start(TrialSettings settings, TrialOrigin origin)
    {
        History.Start(settings, origin);
        _store?.StartTrial(_study!, StudyTrial.FromSettings(settings) with { Note = NoteOf(settings.TrialId, origin) });
    }

    /// <summary>Records how a trial ended, in the history and the store.</summary>
    public void Finish(TrialResult result)
    {
        var trial = History.Finish(result);
        if (TrialStatusRules.IsPending(result.Status)) return;
        var note = NoteOf(trial.Settings.TrialId, trial.Origin);
        _notes.Remove(trial.Settings.TrialId);
        _store?.FinishTrial(_study!, StudyTrial.FromSettings(trial.Settings).Finished(result) with { Note = note });
    }

    private string? NoteOf(int trialId, TrialOrigin origin) =>
        origin == TrialOrigin.Given ? GivenNote : _notes.GetValueOrDefault(trialId);

    /// <summary>The trials a previous process left running, by id.</summary>
    public IReadOnlyList<HistoryTrial> Interrupted() => History.Pending.ToList();
}
