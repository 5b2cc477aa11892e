using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.NasTuners.Storage;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners;

/// <summary>
/// A hyper-parameter search: set it up with the fluent setters, then <see cref="RunAsync"/>. Shaped like ML.NET
/// AutoML's <c>AutoMLExperiment</c>, with every trial ending in an explicit <see cref="TrialStatus"/>.
/// </summary>
/// <example>
/// <code>
/// var result = await mlContext.Nas().CreateExperiment()
///     .SetSearchSpace(space)
///     .SetObjective((parameter, trial, ct) => TrainAndScore(parameter, ct))
///     .SetMaxTrials(50)
///     .SetSeed(42)
///     .RunAsync();
/// var best = result.EnsureSucceeded().BestTrial;
/// </code>
/// </example>
/// <remarks>
/// Defaults: <see cref="DefaultMaxTrials"/> (100) trials, no time limit, no trial timeout, one trial at a time,
/// seed 0, an <see cref="AutoTuner"/> (see <see cref="SetTuner(ITuner)"/>), no budgets (or the multi-fidelity tuner's), no budget limit, no
/// monitors, no progress, no logging. Setters check their argument at
/// once and throw naming the setting and its allowed range; what is missing (objective, search space) is reported by
/// <see cref="RunAsync"/>. An experiment may run again after a run has finished, but not twice at once.
/// </remarks>
public sealed class NasExperiment
{
    /// <summary>The number of trials a run starts when <see cref="SetMaxTrials"/> is not called.</summary>
    public const int DefaultMaxTrials = 100;

    /// <summary>How many abandoned objectives may still run before no new trial starts, when
    /// <see cref="SetMaxAbandonedTrials"/> is not called.</summary>
    public const int DefaultMaxAbandonedTrials = 4;

    // CancellationTokenSource.CancelAfter takes at most uint.MaxValue - 1 milliseconds.
    private const double MaxSeconds = 4_294_967;

    private readonly List<IExperimentMonitor> _monitors = [];
    private SearchSpace? _searchSpace;
    private ITuner? _tuner;
    private Func<SearchSpace, int, ITuner>? _tunerFactory;
    private ITrialRunner? _runner;
    private int _maxTrials = DefaultMaxTrials;
    private TimeSpan? _timeLimit;
    private TimeSpan? _trialTimeout;
    private int _degreeOfParallelism = 1;
    private int _seed;
    private bool _maximize;
    private Pruning.IPruner? _pruner;
    private IProgress<ExperimentProgress>? _progress;
    private ILogger _logger = NullLogger.Instance;
    private BudgetRange? _budget;
    private double? _budgetLimit;
    private ICheckpointCache? _checkpointCache;
    // The budget range of the run in progress, which a continuable objective reads to drop states at the full budget.
    private BudgetRange? _runBudget;
    private int _isRunning;
    private string? _studyName;
    private ITrialStore? _store;
    private string? _storage;
    private InterruptedTrialPolicy _interruptedTrials = InterruptedTrialPolicy.Rerun;
    private bool _evaluateDefaultsFirst;
    private IReadOnlyList<Parameter>? _defaults;
    private int _maxAbandonedTrials = DefaultMaxAbandonedTrials;
    private readonly List<Parameter> _enqueued = [];

    /// <summary>Sets the space the tuner searches. Needed unless <see cref="SetTuner(ITuner)"/> is given a tuner
    /// that already knows its space.</summary>
    public NasExperiment SetSearchSpace(SearchSpace searchSpace)
    {
        _searchSpace = searchSpace ?? throw new ArgumentNullException(nameof(searchSpace));
        return this;
    }

    /// <summary>Uses this tuner instance. It keeps its state from run to run; prefer
    /// <see cref="SetTuner(Func{SearchSpace, int, ITuner})"/> for a fresh, seeded tuner each run. Replaces any tuner
    /// or factory set before. Default: an <see cref="AutoTuner"/> over the search space and the seed, told this
    /// experiment's max trials, degree of parallelism, budgets (rounded to whole numbers when both bounds are whole) and
    /// logger, which chooses the tuner by the measured rules of docs/tuners/auto.md.</summary>
    public NasExperiment SetTuner(ITuner tuner)
    {
        _tuner = tuner ?? throw new ArgumentNullException(nameof(tuner));
        _tunerFactory = null;
        return this;
    }

    /// <summary>Builds the tuner at the start of each run from the search space and the seed
    /// (<see cref="SetSeed"/>), for example <c>(space, seed) =&gt; new TpeTuner(space, null, seed)</c>. Replaces any
    /// tuner or factory set before. Default: an <see cref="AutoTuner"/> (see <see cref="SetTuner(ITuner)"/>).</summary>
    public NasExperiment SetTuner(Func<SearchSpace, int, ITuner> factory)
    {
        _tunerFactory = factory ?? throw new ArgumentNullException(nameof(factory));
        _tuner = null;
        return this;
    }

    /// <summary>Sets the objective: it trains and evaluates a parameter and returns the loss to minimise. It runs on
    /// a thread of its own, several at once with <see cref="SetDegreeOfParallelism"/>. Its token is cancelled when the
    /// trial times out or the run stops. A thrown exception, NaN or infinite loss fails only that trial. Replaces any
    /// objective or trial runner set before. With <see cref="SetMaximize"/> the value returned is a score to maximise
    /// instead.</summary>
    /// <remarks>This overload wins whenever a lambda fits several (one that only throws, for one), so no call is
    /// ambiguous.</remarks>
    [OverloadResolutionPriority(1)]
    public NasExperiment SetObjective(Func<Parameter, TrialSettings, CancellationToken, double> objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        _runner = ObjectiveTrialRunner.FromSync(objective);
        return this;
    }

    /// <summary>Sets an asynchronous objective returning the loss to minimise (a score to maximise with
    /// <see cref="SetMaximize"/>); otherwise as
    /// <see cref="SetObjective(Func{Parameter, TrialSettings, CancellationToken, double})"/>.</summary>
    public NasExperiment SetObjective(Func<Parameter, TrialSettings, CancellationToken, Task<double>> objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        _runner = ObjectiveTrialRunner.FromAsync(objective);
        return this;
    }

    /// <summary>Sets an objective that returns the loss to minimise and a metric to record beside it
    /// (<see cref="TrialResult.Metric"/>); otherwise as
    /// <see cref="SetObjective(Func{Parameter, TrialSettings, CancellationToken, double})"/>.</summary>
    /// <example><code>experiment.SetObjective((p, _, ct) =&gt; { var auc = Train(p, ct); return new ObjectiveValue(1 - auc, auc); });</code></example>
    public NasExperiment SetObjective(Func<Parameter, TrialSettings, CancellationToken, ObjectiveValue> objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        _runner = ObjectiveTrialRunner.FromSync(objective);
        return this;
    }

    /// <summary>Sets an asynchronous objective returning the loss and a metric; otherwise as
    /// <see cref="SetObjective(Func{Parameter, TrialSettings, CancellationToken, ObjectiveValue})"/>.</summary>
    public NasExperiment SetObjective(Func<Parameter, TrialSettings, CancellationToken, Task<ObjectiveValue>> objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        _runner = ObjectiveTrialRunner.FromAsync(objective);
        return this;
    }

    /// <summary>Prunes trials inside their training loop: each value a trial reports with
    /// <see cref="TrialSettings.Report"/> is judged by <paramref name="pruner"/> against the other trials' values at the
    /// same step, and <see cref="TrialSettings.ShouldPrune"/> says when to stop (end the trial with
    /// <see cref="TrialSettings.Prune"/>). Pruned trials are recorded as <see cref="TrialStatus.Pruned"/> with their
    /// last reported value. Default: none (reports are kept, nothing is pruned).</summary>
    /// <example>
    /// <code>
    /// experiment.SetPruner(new MedianPruner()).SetObjective((parameter, trial, ct) =&gt;
    /// {
    ///     var net = new Net(parameter);
    ///     for (var epoch = 1; epoch &lt;= 20; epoch++)
    ///     {
    ///         net.TrainOneEpoch(ct);
    ///         if (trial.Report(epoch, net.ValidationLoss())) trial.Prune();
    ///     }
    ///     return net.ValidationLoss();
    /// });
    /// </code>
    /// </example>
    public NasExperiment SetPruner(Pruning.IPruner pruner)
    {
        _pruner = pruner ?? throw new ArgumentNullException(nameof(pruner));
        return this;
    }

    /// <summary>Reads the number the objective returns as a score to maximise (accuracy, AUC, ...): each trial records
    /// it as its <see cref="TrialResult.Metric"/> and its negation as the <see cref="TrialResult.Loss"/> the tuner
    /// minimises, so the best trial is the one with the highest score. Only for objectives that return one number
    /// (<see cref="RunAsync"/> refuses it with an <see cref="ObjectiveValue"/> objective, whose loss is explicit).
    /// Default: the number is a loss to minimise.</summary>
    public NasExperiment SetMaximize(bool maximize = true)
    {
        _maximize = maximize;
        return this;
    }

    /// <summary>
    /// Sets an objective that can continue a configuration from the state it reached at a lower budget, for
    /// multi-fidelity tuners that promote configurations (Hyperband, BOHB). It receives the parameter, the trial (its
    /// <see cref="TrialSettings.Budget"/>, <see cref="TrialSettings.ConfigId"/> and
    /// <see cref="TrialSettings.PreviousBudget"/>), the state saved by the same configuration's last trial (null when
    /// it starts from scratch: a new configuration, or a state the cache forgot) and the token, and returns the loss and
    /// the state to keep (null to keep none). States live in the <see cref="SetCheckpointCache">checkpoint cache</see>;
    /// a state trained to the maximum budget is dropped, as nothing continues it. A trial that continued is charged only
    /// its extra budget (<see cref="TrialResult.SpentBudget"/>). Otherwise as
    /// <see cref="SetObjective(Func{Parameter, TrialSettings, CancellationToken, double})"/>.
    /// </summary>
    /// <typeparam name="TState">The state: a model, its optimiser, the epoch reached, ...</typeparam>
    /// <example>
    /// <code>
    /// experiment.SetContinuableObjective&lt;Net&gt;((parameter, trial, net, ct) =&gt;
    /// {
    ///     net ??= new Net(parameter);                      // a fresh start at epoch 0
    ///     var from = (int)(trial.PreviousBudget ?? 0);     // epochs already trained
    ///     for (var epoch = from; epoch &lt; (int)trial.Budget!.Value; epoch++) net.TrainOneEpoch(ct);
    ///     return (net.ValidationLoss(), net);
    /// });
    /// </code>
    /// </example>
    public NasExperiment SetContinuableObjective<TState>(
        Func<Parameter, TrialSettings, TState?, CancellationToken, (double Loss, TState? State)> objective)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(objective);
        // A dedicated thread, as for SetObjective: training blocks.
        return SetContinuableObjective<TState>((parameter, settings, state, ct) => Task.Factory.StartNew(
            () => objective(parameter, settings, state, ct),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default));
    }

    /// <summary>Sets an asynchronous objective that can continue a configuration from its lower-budget state; otherwise
    /// as <see cref="SetContinuableObjective{TState}(Func{Parameter, TrialSettings, TState, CancellationToken, ValueTuple{double, TState}})"/>.</summary>
    public NasExperiment SetContinuableObjective<TState>(
        Func<Parameter, TrialSettings, TState?, CancellationToken, Task<(double Loss, TState? State)>> objective)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(objective);
        _runner = new ContinuableObjectiveTrialRunner<TState>(objective, () => _checkpointCache ??= new InMemoryCheckpointCache(),
            () => _runBudget?.Max);
        return this;
    }

    /// <summary>Sets where a continuable objective keeps the states of configurations between budgets. Default: an
    /// <see cref="InMemoryCheckpointCache"/> of capacity 256, created at the first use and kept across runs.</summary>
    public NasExperiment SetCheckpointCache(ICheckpointCache cache)
    {
        _checkpointCache = cache ?? throw new ArgumentNullException(nameof(cache));
        return this;
    }

    /// <summary>
    /// Sets the budgets (epochs, samples, ...) a trial may have, for multi-fidelity search: every trial gets a budget in
    /// [<paramref name="min"/>, <paramref name="max"/>], <see cref="TrialSettings.Budget"/>, chosen by a multi-fidelity
    /// tuner or, for a single-fidelity tuner, <paramref name="max"/>. A tuner that proposes a budget outside it stops the
    /// run (<see cref="StopReason.Faulted"/>). Default: no budgets, unless the tuner is an
    /// <see cref="IMultiFidelityTuner"/>, whose range is then adopted (a different range here is an error).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="min"/> is not greater than 0, or
    /// <paramref name="max"/> is below it, or either is not finite.</exception>
    public NasExperiment SetBudget(double min, double max)
    {
        _budget = new BudgetRange(min, max);
        return this;
    }

    /// <summary>Stops the run once the trials have spent <paramref name="totalBudget"/> (in the units of
    /// <see cref="SetBudget"/>; for example 100 × max for a hundred full-budget trials): no trial starts once the budget
    /// spent plus what running trials are expected to spend reaches it (<see cref="StopReason.BudgetLimit"/>).
    /// <see cref="SetMaxTrials"/> still applies. Needs budgets. Default: no budget limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalBudget"/> is not a finite number greater
    /// than 0.</exception>
    public NasExperiment SetBudgetLimit(double totalBudget)
    {
        if (!(totalBudget > 0 && double.IsFinite(totalBudget)))
            throw new ArgumentOutOfRangeException(nameof(totalBudget), totalBudget,
                "The budget limit (SetBudgetLimit) must be a finite number greater than 0.");
        _budgetLimit = totalBudget;
        return this;
    }

    /// <summary>Sets a trial runner, which may report a full <see cref="TrialResult"/> (a metric, a pruned status)
    /// rather than a bare loss. Replaces any objective or trial runner set before.</summary>
    public NasExperiment SetTrialRunner(ITrialRunner runner)
    {
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        return this;
    }

    /// <summary>Sets the most trials a run starts, at least 1. Default: <see cref="DefaultMaxTrials"/> (100).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTrials"/> is below 1.</exception>
    public NasExperiment SetMaxTrials(int maxTrials)
    {
        if (maxTrials < 1)
            throw new ArgumentOutOfRangeException(nameof(maxTrials), maxTrials,
                $"Max trials (SetMaxTrials) must be at least 1 (allowed range 1 to {int.MaxValue}).");
        _maxTrials = maxTrials;
        return this;
    }

    /// <summary>Limits the whole run to <paramref name="seconds"/> of wall-clock time: no trial starts after it and
    /// running trials are cancelled (recorded as <see cref="TrialStatus.Cancelled"/>). Default: no time limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seconds"/> is not in (0, 4294967].</exception>
    public NasExperiment SetTimeLimit(double seconds)
    {
        _timeLimit = CheckSeconds(seconds, "The time limit (SetTimeLimit)");
        return this;
    }

    /// <summary>Limits each trial to <paramref name="seconds"/>: its token is cancelled then, and if it has not
    /// returned the loop stops waiting for it and records it as <see cref="TrialStatus.TimedOut"/>. Default: no trial
    /// timeout.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seconds"/> is not in (0, 4294967].</exception>
    public NasExperiment SetTrialTimeout(double seconds)
    {
        _trialTimeout = CheckSeconds(seconds, "The trial timeout (SetTrialTimeout)");
        return this;
    }

    /// <summary>Sets how many trials run at once, at least 1. Each running trial has been proposed and not yet
    /// updated, so the tuner sees up to this many pending proposals. Default: 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreeOfParallelism"/> is below 1.</exception>
    public NasExperiment SetDegreeOfParallelism(int degreeOfParallelism)
    {
        if (degreeOfParallelism < 1)
            throw new ArgumentOutOfRangeException(nameof(degreeOfParallelism), degreeOfParallelism,
                $"The degree of parallelism (SetDegreeOfParallelism) must be at least 1 (allowed range 1 to {int.MaxValue}).");
        _degreeOfParallelism = degreeOfParallelism;
        return this;
    }

    /// <summary>Sets the seed handed to the tuner factory (any value). With one trial at a time, the same seed gives
    /// the same proposals. Default: 0.</summary>
    /// <summary>Keeps the run's trials in the study <paramref name="name"/> of <paramref name="store"/>, creating it
    /// when it does not exist. When it exists, the run resumes it: its trials are kept and count towards
    /// <see cref="SetMaxTrials"/> and <see cref="SetBudgetLimit"/>, new trial ids continue after them, the tuner is
    /// rebuilt by replaying them (a seeded tuner then proposes what an uninterrupted run would), and trials left
    /// running by a process that died are dealt with by <see cref="SetInterruptedTrials"/>. The caller keeps the
    /// store and disposes it.</summary>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public NasExperiment SetStudy(string name, ITrialStore store)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _storage = null;
        _studyName = name;
        return this;
    }

    /// <summary>As <see cref="SetStudy(string, ITrialStore)"/>, with the store opened from a storage string at the start
    /// of each run and closed at its end: a SQLite file (<c>study.db</c> or <c>sqlite:path</c>) or <c>memory</c>
    /// (see <see cref="TrialStores.Open"/>).</summary>
    public NasExperiment SetStudy(string name, string storage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(storage);
        _storage = storage;
        _store = null;
        _studyName = name;
        return this;
    }

    /// <summary>What a resumed study does with the trials a process that died left running. Default
    /// <see cref="InterruptedTrialPolicy.Rerun"/>; <see cref="InterruptedTrialPolicy.LeaveRunning"/> for a study that
    /// experiments in several processes run at the same time.</summary>
    public NasExperiment SetInterruptedTrials(InterruptedTrialPolicy policy)
    {
        if (!Enum.IsDefined(policy))
            throw new ArgumentOutOfRangeException(nameof(policy), policy, $"Unknown policy; use one of {string.Join(", ", Enum.GetNames<InterruptedTrialPolicy>())}.");
        _interruptedTrials = policy;
        return this;
    }

    /// <summary>An objective that ignores its token after a timeout (or when the run stops) is abandoned: the run records
    /// the trial and goes on while the objective keeps its thread. Once <paramref name="maxAbandonedTrials"/> of them
    /// are still running, no new trial starts (the run ends with <see cref="StopReason.AbandonedTrials"/> when nothing
    /// else runs), so a run never holds more than that many plus its degree of parallelism. Default
    /// <see cref="DefaultMaxAbandonedTrials"/> (4). See <see cref="ExperimentResult.AbandonedTrials"/>.</summary>
    public NasExperiment SetMaxAbandonedTrials(int maxAbandonedTrials)
    {
        if (maxAbandonedTrials < 1)
            throw new ArgumentOutOfRangeException(nameof(maxAbandonedTrials), maxAbandonedTrials,
                $"Max abandoned trials (SetMaxAbandonedTrials) must be at least 1 (allowed range 1 to {int.MaxValue}).");
        _maxAbandonedTrials = maxAbandonedTrials;
        return this;
    }

    /// <summary>Evaluates the search space's defaults as the first trial, before the tuner is asked (as ML.NET AutoML
    /// does), unless the study already has trials. Default false.</summary>
    public NasExperiment SetEvaluateDefaultsFirst(bool evaluate = true)
    {
        _evaluateDefaultsFirst = evaluate;
        return this;
    }

    // A space whose defaults are several points (a pipeline search: every trainer's default settings) gives them here;
    // they run first under the same rule as the space's one default point.
    internal NasExperiment SetEvaluateDefaultsFirst(IReadOnlyList<Parameter> defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        _defaults = defaults;
        _evaluateDefaultsFirst = defaults.Count > 0;
        return this;
    }

    /// <summary>Queues a parameter to be evaluated before the tuner is asked (a warm start): queued parameters run
    /// first, in order, after the defaults (<see cref="SetEvaluateDefaultsFirst(bool)"/>). The tuner learns their results
    /// like any other. The queue is used by the next run only.</summary>
    public NasExperiment Enqueue(Parameter parameter)
    {
        _enqueued.Add(parameter ?? throw new ArgumentNullException(nameof(parameter)));
        return this;
    }

    public NasExperiment SetSeed(int seed)
    {
        _seed = seed;
        return this;
    }

    /// <summary>Adds a monitor, called as trials start and end (see <see cref="IExperimentMonitor"/>).</summary>
    public NasExperiment AddMonitor(IExperimentMonitor monitor)
    {
        _monitors.Add(monitor ?? throw new ArgumentNullException(nameof(monitor)));
        return this;
    }

    /// <summary>Reports an <see cref="ExperimentProgress"/> after every trial ends. Default: none.</summary>
    public NasExperiment SetProgress(IProgress<ExperimentProgress> progress)
    {
        _progress = progress ?? throw new ArgumentNullException(nameof(progress));
        return this;
    }

    /// <summary>Logs the run: start and stop as information, each trial's start as debug, its end as information
    /// (succeeded) or warning (failed, timed out, cancelled). Default: no logging.</summary>
    public NasExperiment SetLogger(ILogger logger)
    {
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        return this;
    }

    /// <summary>
    /// Runs the experiment: proposes trials with the tuner, runs up to the degree of parallelism at once and tells the
    /// tuner how each ended, until max trials have run, the time limit passes, <paramref name="cancellationToken"/> is
    /// cancelled, or the tuner or a monitor throws.
    /// </summary>
    /// <remarks>
    /// A trial that throws, returns a NaN or infinite loss, times out or is cancelled is recorded with its status and
    /// error and the run goes on (or, when cancelled, ends). Cancellation and the time limit do not throw: the result
    /// holds what was done and <see cref="ExperimentResult.StopReason"/> says why it stopped.
    /// </remarks>
    /// <exception cref="InvalidOperationException">No objective or trial runner, no search space for the tuner
    /// factory, or the experiment is already running.</exception>
    public async Task<ExperimentResult> RunAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _isRunning, 1) == 1)
            throw new InvalidOperationException("The experiment is already running; wait for RunAsync to finish before running it again.");
        ITrialStore? ownedStore = null;
        try
        {
            var runner = _runner ?? throw new InvalidOperationException(
                "The experiment has no objective: call SetObjective or SetTrialRunner before RunAsync.");
            if (_maximize)
                runner = runner is ObjectiveTrialRunner objective ? objective.Maximizing() : throw new InvalidOperationException(
                    "SetMaximize applies to SetObjective's objectives; a trial runner reports its loss itself: return the negated score as its Loss.");
            var tuner = _tuner ?? CreateTuner();
            var budget = _runBudget = ResolveBudget(tuner);
            if (_budgetLimit is not null && budget is null)
                throw new InvalidOperationException(
                    "SetBudgetLimit needs budgets: call SetBudget(min, max) or use a multi-fidelity tuner.");
            var config = new ExperimentConfiguration(_maxTrials, _timeLimit, _trialTimeout, _degreeOfParallelism, budget, _budgetLimit,
                MaxAbandonedTrials: _maxAbandonedTrials, Pruner: _pruner);
            ownedStore = _storage is null ? null : TrialStores.Open(_storage);
            var session = OpenSession(tuner, ownedStore ?? _store);
            // A tuner built by a factory (or the default) is built on the experiment's space; an instance may not be.
            var spaceToCheck = _tuner is not null ? _searchSpace : null;
            var loop = new ExperimentLoop(config, tuner, runner, _monitors.ToList(), _progress, _logger, session, _interruptedTrials, spaceToCheck);
            return await loop.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ownedStore?.Dispose();
            Volatile.Write(ref _isRunning, 0);
        }
    }

    // The study's trials (none for a run without a study), with the tuner rebuilt from them and the given parameters
    // queued: the defaults first when asked and the study is new, then the enqueued ones.
    private StudySession OpenSession(ITuner tuner, ITrialStore? store)
    {
        var session = store is null
            ? StudySession.InMemory()
            : StudySession.Open(store, _studyName!, _searchSpace, leaveRunning: _interruptedTrials == InterruptedTrialPolicy.LeaveRunning);
        if (session.History.Count > 0)
        {
            var differed = TunerReplay.Replay(tuner, session.History);
            _logger.LogInformation("Study {Study} resumed: {Trials} trials read back; the tuner was rebuilt from them.",
                _studyName, session.History.Count);
            if (differed.Count > 0)
                _logger.LogWarning("The rebuilt tuner proposed otherwise than the record for {Count} trials (first: {Trial}); it learned the recorded ones instead. A different seed or tuner, or parallel trials, cause this.",
                    differed.Count, differed[0]);
        }
        else if (_evaluateDefaultsFirst)
        {
            var space = _searchSpace ?? throw new InvalidOperationException(
                "SetEvaluateDefaultsFirst needs the search space: call SetSearchSpace.");
            foreach (var defaults in _defaults ?? [space.SampleDefault()])
                session.Enqueue(defaults);
        }
        foreach (var parameter in _enqueued)
            session.Enqueue(parameter);
        _enqueued.Clear();
        return session;
    }

    private BudgetRange? ResolveBudget(ITuner tuner)
    {
        if (tuner is not IMultiFidelityTuner multiFidelity)
            return _budget;
        if (_budget is not null && _budget != multiFidelity.BudgetRange)
            throw new InvalidOperationException(
                $"SetBudget gave the budget range {_budget}, but the tuner {tuner.GetType().Name} proposes from {multiFidelity.BudgetRange}: give both the same range.");
        return multiFidelity.BudgetRange;
    }

    private ITuner CreateTuner()
    {
        var space = _searchSpace ?? throw new InvalidOperationException(
            "The experiment has no search space: call SetSearchSpace before RunAsync (or SetTuner with a tuner instance).");
        if (_tunerFactory is null)
            return CreateAutoTuner(space);
        return _tunerFactory(space, _seed)
               ?? throw new InvalidOperationException("The tuner factory given to SetTuner returned null.");
    }

    // The default tuner, told what this experiment knows of the run. A time limit makes the run depend on wall-clock
    // time already, so only then may proposal time decide a switch. Whole-number bounds are taken for a count (epochs,
    // samples), so a multi-fidelity choice proposes whole budgets between them.
    private AutoTuner CreateAutoTuner(SearchSpace space) => new(space, new AutoTunerOptions
    {
        MaxTrials = _maxTrials,
        DegreeOfParallelism = _degreeOfParallelism,
        Budgets = _budget,
        RoundBudgets = _budget is { } b && double.IsInteger(b.Min) && double.IsInteger(b.Max),
        LeaveGpWhenProposalsCostMore = _timeLimit is not null,
    }, _seed, _logger);

    private static TimeSpan CheckSeconds(double seconds, string setting)
    {
        if (!(seconds > 0 && seconds <= MaxSeconds))
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds,
                $"{setting} must be a number of seconds greater than 0 and at most {MaxSeconds} (about 49 days).");
        return TimeSpan.FromSeconds(seconds);
    }
}
