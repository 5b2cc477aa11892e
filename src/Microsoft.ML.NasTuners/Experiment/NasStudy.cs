using Microsoft.ML.NasTuners.Storage;

namespace Microsoft.ML.NasTuners;

/// <summary>
/// Ask/tell for trials that run elsewhere (another process, a cluster job, a notebook cell): <see cref="Ask"/> gives
/// the next trial to run, <see cref="Tell(TrialSettings, double, double)"/> records how it went. The study is durable when it
/// has a store: every trial is written when it is asked for and again when it is told, and opening the study again
/// (in this process or another, after a crash) rebuilds the tuner from what was written.
/// </summary>
/// <example>
/// <code>
/// using var store = new SqliteTrialStore("studies.db");
/// var study = NasStudy.Open("lgbm", store, space, (s, seed) => new TpeTuner(s, null, seed), seed: 1);
/// var trial = study.Ask();
/// study.Tell(trial, Train(trial.Parameter));
/// </code>
/// </example>
/// <remarks>Not thread-safe: call it from one thread at a time (the tuner it drives is not thread-safe either).
/// Trials asked for and not yet told are pending, and the tuner steers the next asks away from them.</remarks>
public sealed class NasStudy
{
    private readonly StudySession _session;
    private readonly Pruning.PruningLog _reports;
    private readonly ITuner _tuner;

    private NasStudy(StudySession session, ITuner tuner, SearchSpace space)
    {
        _session = session;
        _tuner = tuner;
        SearchSpace = space;
        _reports = new Pruning.PruningLog(null, session.Curves);
    }

    /// <summary>The space the study searches.</summary>
    public SearchSpace SearchSpace { get; }

    /// <summary>The study's name; null for a study kept in memory only.</summary>
    public string? Name => _session.StudyName;

    /// <summary>Every trial so far, by id, running ones included.</summary>
    public IReadOnlyList<HistoryTrial> Trials => _session.History.Trials;

    /// <summary>The best trial so far (see <see cref="TrialHistory.Incumbent"/>); null when none has a loss.</summary>
    public TrialResult? BestTrial => _session.History.Incumbent;

    /// <summary>Opens the study <paramref name="name"/> of <paramref name="store"/>, creating it when it does not exist,
    /// and rebuilds the tuner from its trials. Trials that were still running when it was last closed stay pending:
    /// tell them when they end, or <see cref="Tell(TrialSettings, TrialStatus, string?)"/> them as failed.</summary>
    /// <param name="name">The study's name.</param>
    /// <param name="store">Where it is kept; the caller disposes it.</param>
    /// <param name="searchSpace">The space; must equal the stored one when the study exists.</param>
    /// <param name="tuner">Builds the tuner from the space and the seed; default an <see cref="Tuners.AutoTuner"/> (single fidelity, one worker).</param>
    /// <param name="seed">The tuner's seed; open a study again with the same seed to continue its proposals.</param>
    /// <exception cref="InvalidOperationException">The study exists with another search space.</exception>
    public static NasStudy Open(string name, ITrialStore store, SearchSpace searchSpace,
        Func<SearchSpace, int, ITuner>? tuner = null, int seed = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(searchSpace);
        return Create(StudySession.Open(store, name, searchSpace), searchSpace, tuner, seed);
    }

    /// <summary>A study kept in memory only.</summary>
    public static NasStudy InMemory(SearchSpace searchSpace, Func<SearchSpace, int, ITuner>? tuner = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(searchSpace);
        return Create(StudySession.InMemory(), searchSpace, tuner, seed);
    }

    private static NasStudy Create(StudySession session, SearchSpace space, Func<SearchSpace, int, ITuner>? factory, int seed)
    {
        var tuner = (factory ?? ((s, sd) => new Tuners.AutoTuner(s, null, sd)))(space, seed)
            ?? throw new InvalidOperationException("The tuner factory returned null.");
        if (session.History.Count > 0) TunerReplay.Replay(tuner, session.History);
        return new NasStudy(session, tuner, space);
    }

    /// <summary>The next trial to run: an enqueued parameter first, otherwise the tuner's proposal. It is recorded (and
    /// written to the store) as running.</summary>
    public TrialSettings Ask()
    {
        var (settings, origin) = _session.Next(_tuner);
        settings.StartedAtUtc = DateTime.UtcNow;
        _session.Start(settings, origin);
        // What the trial reports goes to the study's store, for a report and for pruners of experiments on the study.
        settings.Pruning = _reports;
        return settings;
    }

    /// <summary>Records that <paramref name="trial"/> succeeded with <paramref name="loss"/> (minimised). A NaN or
    /// infinite loss is recorded as it is, and counts as failed for the tuner (<see cref="TrialStatusRules"/>).</summary>
    public TrialResult Tell(TrialSettings trial, double loss, double metric = double.NaN) =>
        Tell(trial, TrialStatus.Succeeded, null, loss, metric);

    /// <summary>Records that <paramref name="trial"/> ended in <paramref name="status"/> (for example
    /// <see cref="TrialStatus.Failed"/> with the error's text).</summary>
    public TrialResult Tell(TrialSettings trial, TrialStatus status, string? error = null) =>
        Tell(trial, status, error, double.NaN, double.NaN);

    /// <summary>Queues a parameter: the next <see cref="Ask"/> returns it instead of asking the tuner (a warm start).</summary>
    public void Enqueue(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        _ = SearchSpace.MappingToFeatureSpace(parameter);
        _session.Enqueue(parameter);
    }

    /// <summary>Adds a trial that ran elsewhere and has finished; the tuner learns from it.</summary>
    public TrialResult AddTrial(Parameter parameter, double loss, TrialStatus status = TrialStatus.Succeeded, double? budget = null)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        _ = SearchSpace.MappingToFeatureSpace(parameter);
        var now = DateTime.UtcNow;
        var settings = new TrialSettings { TrialId = _session.TakeId(_tuner), Parameter = parameter, Budget = budget, StartedAtUtc = now };
        _session.Start(settings, TrialOrigin.Given);
        return Tell(settings, status, null, loss, double.NaN);
    }

    private TrialResult Tell(TrialSettings trial, TrialStatus status, string? error, double loss, double metric)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (status == TrialStatus.Running)
            throw new ArgumentException("A trial is told once it has ended; Running is not an end.", nameof(status));
        var recorded = _session.History[trial.TrialId]
            ?? throw new InvalidOperationException($"Trial {trial.TrialId} was never asked for in this study.");
        if (recorded.Result is not null)
            throw new InvalidOperationException($"Trial {trial.TrialId} was already told ({recorded.Status}).");
        var settings = recorded.Settings;
        var result = TrialResult.ToldNow(settings, loss, metric, status, error);
        _session.Finish(result);
        _tuner.Update(result);
        return result;
    }
}
