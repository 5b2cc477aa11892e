namespace Microsoft.ML.NasTuners.Storage;

/// <summary>
/// Where studies and their trials are kept. Every store follows the same rules (the contract tests check each one),
/// so a run can move from memory to a file, or to a server later, without changing what it sees. Methods taking a
/// study name throw <see cref="ArgumentException"/> for a name no study can have (see <see cref="CreateStudy"/>) and,
/// except where noted, <see cref="InvalidOperationException"/> naming the study when it does not exist.
/// </summary>
public interface ITrialStore : IDisposable
{
    /// <summary>Creates an empty study.</summary>
    /// <param name="name">1 to 200 characters, none of them a control character.</param>
    /// <param name="searchSpaceJson">The space the study samples (<see cref="SearchSpace.ToJson"/>), or null.</param>
    /// <param name="attributes">Key-values to record with the study, or null for none.</param>
    /// <exception cref="ArgumentException">The name, the space's JSON or an attribute is not valid.</exception>
    /// <exception cref="InvalidOperationException">A study of that name exists.</exception>
    StudyInfo CreateStudy(string name, string? searchSpaceJson = null, IReadOnlyDictionary<string, string>? attributes = null);

    /// <summary>The study of that name, or null when there is none.</summary>
    StudyInfo? FindStudy(string name);

    /// <summary>The existing study of that name, or a new one. An existing study keeps its attributes.</summary>
    /// <exception cref="InvalidOperationException">The study exists and <paramref name="searchSpaceJson"/> is given and
    /// differs from the stored space: resuming it would mix trials of two spaces.</exception>
    StudyInfo LoadOrCreateStudy(string name, string? searchSpaceJson = null, IReadOnlyDictionary<string, string>? attributes = null);

    /// <summary>Every study, by name (ordinal).</summary>
    IReadOnlyList<StudyInfo> ListStudies();

    /// <summary>Deletes a study, its trials and their intermediate values; false when there was none.</summary>
    bool DeleteStudy(string name);

    /// <summary>Reserves the id of a trial about to be proposed: one no trial of the study has and no caller, in this
    /// process or another, was given before (the larger of the largest id plus one and the last reservation plus one;
    /// 0 for a new study). A tuner proposes for a known id, so a run takes its id here first; two runs on one study at
    /// the same time then never number two trials alike. An id reserved and never started stays a gap.</summary>
    /// <exception cref="InvalidOperationException">The study does not exist.</exception>
    int ReserveTrialId(string study);

    /// <summary>Writes a trial as <see cref="TrialStatus.Running"/> and returns it as stored. A negative
    /// <see cref="StudyTrial.Id"/> takes the next id as <see cref="ReserveTrialId"/> would, assigned atomically so
    /// concurrent callers never get the same one; a non-negative id is kept as given.</summary>
    /// <exception cref="ArgumentException">The trial's status is not <see cref="TrialStatus.Running"/>.</exception>
    /// <exception cref="InvalidOperationException">The study does not exist, or a trial with that id does.</exception>
    StudyTrial StartTrial(string study, StudyTrial running);

    /// <summary>Replaces a running trial with its finished form.</summary>
    /// <exception cref="ArgumentException">The trial's status is <see cref="TrialStatus.Running"/>.</exception>
    /// <exception cref="InvalidOperationException">The study or the trial does not exist, or the trial has already
    /// finished: a finished trial is never overwritten.</exception>
    void FinishTrial(string study, StudyTrial finished);

    /// <summary>Ends every trial still running with <paramref name="status"/>, <paramref name="reason"/> as its error and
    /// now as its end: what a resumed run does with the trials its crashed predecessor left in flight.</summary>
    /// <returns>The ids of the trials changed, ascending.</returns>
    /// <exception cref="ArgumentException"><paramref name="status"/> is <see cref="TrialStatus.Running"/>.</exception>
    IReadOnlyList<int> MarkRunningTrials(string study, TrialStatus status, string reason);

    /// <summary>Records the value a running trial reported at a step (<see cref="TrialSettings.Report"/>), so that
    /// pruners in other processes, a resumed run and a study's report see its learning curve. A step reported twice
    /// keeps the last value; -0 and 0 are one step.</summary>
    /// <param name="study">The study.</param>
    /// <param name="trialId">A trial of the study that is <see cref="TrialStatus.Running"/>.</param>
    /// <param name="step">Where in training: an epoch, an iteration; finite.</param>
    /// <param name="value">The loss at that step; NaN (a diverged trial) and infinities are kept as they are.</param>
    /// <exception cref="ArgumentOutOfRangeException">The step is not finite.</exception>
    /// <exception cref="InvalidOperationException">The study or the trial does not exist, or the trial has finished: a
    /// finished trial's curve is never changed.</exception>
    void ReportIntermediateValue(string study, int trialId, double step, double value);

    /// <summary>The study's trials by id, each with the values it reported (<see cref="StudyTrial.IntermediateValues"/>).</summary>
    /// <exception cref="InvalidOperationException">The study does not exist; the message lists known ones.</exception>
    IReadOnlyList<StudyTrial> GetTrials(string study);
}
