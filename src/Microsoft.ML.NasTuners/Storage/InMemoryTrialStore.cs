using Microsoft.ML.NasTuners.Pruning;

namespace Microsoft.ML.NasTuners.Storage;

/// <summary>
/// A store that lives as long as the process: for tests, and for runs that need the study API without a file. Safe
/// to use from many threads. It copies every parameter in and out, so that it behaves like a durable store: what a
/// caller does to a trial after writing or reading it does not change what is stored.
/// </summary>
public sealed class InMemoryTrialStore : ITrialStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Study> _studies = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public StudyInfo CreateStudy(string name, string? searchSpaceJson = null, IReadOnlyDictionary<string, string>? attributes = null)
    {
        CheckCreate(name, searchSpaceJson, attributes);
        lock (_gate)
        {
            if (_studies.ContainsKey(name))
                throw StudyErrors.DuplicateStudy(name);
            return AddStudy(name, searchSpaceJson, attributes);
        }
    }

    /// <inheritdoc />
    public StudyInfo? FindStudy(string name)
    {
        TrialStoreRules.CheckName(name, nameof(name));
        lock (_gate)
            return _studies.TryGetValue(name, out var study) ? study.Info : null;
    }

    /// <inheritdoc />
    public StudyInfo LoadOrCreateStudy(string name, string? searchSpaceJson = null, IReadOnlyDictionary<string, string>? attributes = null)
    {
        CheckCreate(name, searchSpaceJson, attributes);
        lock (_gate)
        {
            if (!_studies.TryGetValue(name, out var study))
                return AddStudy(name, searchSpaceJson, attributes);
            if (searchSpaceJson is not null && !TrialStoreRules.SameSpace(study.Info.SearchSpaceJson, searchSpaceJson))
                throw StudyErrors.OtherSpace(name, study.Info.SearchSpaceJson, searchSpaceJson);
            return study.Info;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<StudyInfo> ListStudies()
    {
        lock (_gate)
            return _studies.Values.Select(s => s.Info).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public bool DeleteStudy(string name)
    {
        TrialStoreRules.CheckName(name, nameof(name));
        lock (_gate)
            return _studies.Remove(name);
    }

    /// <inheritdoc />
    public int ReserveTrialId(string study)
    {
        TrialStoreRules.CheckName(study, nameof(study));
        lock (_gate)
            return Reserve(Get(study));
    }

    /// <inheritdoc />
    public StudyTrial StartTrial(string study, StudyTrial running)
    {
        TrialStoreRules.CheckName(study, nameof(study));
        var trial = TrialStoreRules.CheckStart(running, nameof(running));
        lock (_gate)
        {
            var stored = Get(study);
            var trials = stored.Trials;
            var id = trial.Id < 0 ? Reserve(stored) : trial.Id;
            if (trials.ContainsKey(id))
                throw StudyErrors.TrialExists(study, id);
            trial = trial with { Id = id, Parameter = StudyTrial.Copy(trial.Parameter) };
            trials.Add(id, trial);
            return Out(trial);
        }
    }

    /// <inheritdoc />
    public void FinishTrial(string study, StudyTrial finished)
    {
        TrialStoreRules.CheckName(study, nameof(study));
        var trial = TrialStoreRules.CheckFinish(finished, nameof(finished));
        lock (_gate)
        {
            var trials = Get(study).Trials;
            if (!trials.TryGetValue(trial.Id, out var stored))
                throw StudyErrors.UnknownTrial(study, trial.Id);
            if (stored.Status != TrialStatus.Running)
                throw StudyErrors.AlreadyFinished(study, trial.Id, stored.Status);
            trials[trial.Id] = trial with { Parameter = StudyTrial.Copy(trial.Parameter) };
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<int> MarkRunningTrials(string study, TrialStatus status, string reason)
    {
        TrialStoreRules.CheckName(study, nameof(study));
        TrialStoreRules.CheckMark(status, reason);
        lock (_gate)
        {
            var trials = Get(study).Trials;
            var running = trials.Values.Where(t => t.Status == TrialStatus.Running).Select(t => t.Id).ToList();
            var now = DateTime.UtcNow;
            foreach (var id in running)
                trials[id] = trials[id] with { Status = status, Error = reason, EndedAtUtc = now };
            return running;
        }
    }

    /// <inheritdoc />
    public void ReportIntermediateValue(string study, int trialId, double step, double value)
    {
        TrialStoreRules.CheckName(study, nameof(study));
        step = TrialStoreRules.CheckStep(step);
        lock (_gate)
        {
            var stored = Get(study);
            if (!stored.Trials.TryGetValue(trialId, out var trial))
                throw StudyErrors.NoTrialToReport(study, trialId);
            if (trial.Status != TrialStatus.Running)
                throw StudyErrors.ReportAfterFinish(study, trialId, trial.Status);
            if (!stored.Values.TryGetValue(trialId, out var curve))
                stored.Values[trialId] = curve = new SortedList<double, double>();
            curve[step] = value;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<StudyTrial> GetTrials(string study)
    {
        TrialStoreRules.CheckName(study, nameof(study));
        lock (_gate)
        {
            var stored = Get(study);
            return stored.Trials.Values.Select(t => Out(t) with { IntermediateValues = stored.CurveOf(t.Id) }).ToList();
        }
    }

    /// <summary>Nothing to release; the studies stay readable.</summary>
    public void Dispose()
    {
    }

    private static void CheckCreate(string name, string? searchSpaceJson, IReadOnlyDictionary<string, string>? attributes)
    {
        TrialStoreRules.CheckName(name, nameof(name));
        TrialStoreRules.CheckSpace(searchSpaceJson, nameof(searchSpaceJson));
        TrialStoreRules.CheckAttributes(attributes, nameof(attributes));
    }

    private StudyInfo AddStudy(string name, string? searchSpaceJson, IReadOnlyDictionary<string, string>? attributes)
    {
        var info = new StudyInfo(name, DateTime.UtcNow, searchSpaceJson, attributes);
        _studies.Add(name, new Study(info));
        return info;
    }

    private Study Get(string name) =>
        _studies.TryGetValue(name, out var study) ? study : throw StudyErrors.UnknownStudy(name, _studies.Keys);

    // Under the gate: past every trial and every earlier reservation.
    private static int Reserve(Study study)
    {
        var id = Math.Max(study.NextReserved, study.Trials.Count == 0 ? 0 : checked(study.Trials.Keys[^1] + 1));
        study.NextReserved = checked(id + 1);
        return id;
    }

    private static StudyTrial Out(StudyTrial trial) => trial with { Parameter = StudyTrial.Copy(trial.Parameter) };

    private sealed record Study(StudyInfo Info)
    {
        // Sorted by id: GetTrials reads them in order and the next id is the last key plus one.
        public SortedList<int, StudyTrial> Trials { get; } = new();

        // The id after the last one reserved (ReserveTrialId).
        public int NextReserved { get; set; }

        // Kept apart from the trials, since finishing a trial replaces its record and must not lose its curve.
        public Dictionary<int, SortedList<double, double>> Values { get; } = [];

        public IReadOnlyList<IntermediateValue> CurveOf(int trialId) =>
            Values.TryGetValue(trialId, out var curve) ? curve.Select(kv => new IntermediateValue(kv.Key, kv.Value)).ToArray() : [];
    }
}
