namespace Microsoft.ML.NasTuners.Postgres;

/// <summary>
/// Keeps one worker's tuner in the state a single process would have after the study's events so far, by replaying
/// them step by step as they appear in the store: each trial is proposed again in number order, and each result is
/// told just before the proposal of the trial that was next when it was written (<see cref="LoggedTrial.ToldBefore"/>,
/// ties in the order written). Every worker replays the same events in the same order, so seeded tuners of one kind
/// and seed agree on every proposal: a trial another worker runs is pending in this worker's tuner exactly as it would
/// be in one process, and a Hyperband bracket's rungs and promotions are the same in every worker.
/// </summary>
/// <remarks>The rule for a re-proposal that differs from the record (a tuner that is not deterministic, another seed)
/// is <see cref="TunerReplay"/>'s: the re-proposal is withdrawn (told as <see cref="TrialStatus.Cancelled"/>) and the
/// recorded trial's result is later told as one the tuner did not propose. Trials given rather than proposed (a
/// re-queued repeat, an enqueued parameter) are only told.</remarks>
internal sealed class StudyReplay
{
    private readonly Func<ITuner> _createTuner;
    private readonly BudgetRange? _budget;

    public StudyReplay(Func<ITuner> createTuner, BudgetRange? budget)
    {
        _createTuner = createTuner;
        _budget = budget;
        Tuner = createTuner();
    }

    /// <summary>The tuner, in step with every event replayed so far.</summary>
    public ITuner Tuner { get; private set; }

    /// <summary>The first trial number not replayed yet.</summary>
    public int NextTrialId { get; private set; }

    /// <summary>The last result replayed, in the store's sequence (0 before the first).</summary>
    public long LastResultSeq { get; private set; }

    /// <summary>The best trial replayed so far (see <see cref="TrialHistory.Incumbent"/>); null before any succeeded.</summary>
    public TrialResult? Best { get; private set; }

    /// <summary>How many re-proposals differed from the record since the last <see cref="Reset"/>.</summary>
    public int Differed { get; private set; }

    /// <summary>Starts again from a new tuner: after a transaction that proposed was rolled back, the tuner has seen a
    /// proposal the store never kept.</summary>
    public void Reset()
    {
        Tuner = _createTuner();
        NextTrialId = 0;
        LastResultSeq = 0;
        Differed = 0;
        Best = null;
    }

    /// <summary>Replays the trials that started or ended since the last call (read under the study's lock).</summary>
    public void Apply(IEnumerable<LoggedTrial> changed, CancellationToken cancellationToken)
    {
        var list = changed.ToList();
        var starts = list.Where(t => t.Trial.Id >= NextTrialId).OrderBy(t => t.Trial.Id).ToList();
        var results = list.Where(t => t.ResultSeq > LastResultSeq)
            .OrderBy(t => t.ToldBefore).ThenBy(t => t.ResultSeq).ToList();
        var told = 0;
        foreach (var start in starts)
        {
            while (told < results.Count && results[told].ToldBefore <= start.Trial.Id)
                Tell(results[told++]);
            if (!IsGiven(start)) Repropose(start, cancellationToken);
            NextTrialId = start.Trial.Id + 1;
        }
        while (told < results.Count)
            Tell(results[told++]);
    }

    /// <summary>The tuner's proposal for trial <paramref name="trialId"/>, the next number; a single-fidelity tuner's
    /// proposal gets the full budget of a multi-fidelity run, as in the experiment loop.</summary>
    public TrialSettings Propose(int trialId, CancellationToken cancellationToken)
    {
        var settings = new TrialSettings { TrialId = trialId };
        settings.Parameter = Tuner.Propose(settings, cancellationToken) ?? throw new InvalidOperationException("Propose returned null.");
        if (_budget is { } range) settings.Budget ??= range.Max;
        return settings;
    }

    /// <summary>Records that the trial just proposed (or given) was written with number <paramref name="trialId"/>.</summary>
    public void Started(int trialId) => NextTrialId = trialId + 1;

    /// <summary>A trial the tuner did not propose: a repeat of a trial whose lease expired, or a parameter given by a user.</summary>
    public static bool IsGiven(LoggedTrial trial) => trial.RequeueOf is not null || trial.Trial.Note == StudySession.GivenNote;

    private void Repropose(LoggedTrial recorded, CancellationToken cancellationToken)
    {
        var again = Propose(recorded.Trial.Id, cancellationToken);
        if (again.Parameter.Equals(recorded.Trial.Parameter) && again.Budget == recorded.Trial.Budget) return;
        Differed++;
        Tuner.Update(new TrialResult { TrialSettings = again, Status = TrialStatus.Cancelled, Error = "Withdrawn by a replay." });
    }

    private void Tell(LoggedTrial ended)
    {
        LastResultSeq = Math.Max(LastResultSeq, ended.ResultSeq!.Value);
        if (ended.Trial.ToResult() is not { } result) return;
        Tuner.Update(result);
        if (TrialStatusRules.IsModelled(result) && TrialHistory.IsBetter(result, Best)) Best = result;
    }
}
