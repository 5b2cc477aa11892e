using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// Chooses a tuner for the space and the experiment by the measured rules of docs/tuners/auto.md, delegates to it,
/// and leaves GP-BO for multivariate TPE when the run outgrows it. The default tuner of <see cref="NasExperiment"/>.
/// </summary>
/// <remarks>A switch tells the new tuner every finished trial, as trials it did not propose, so it learns the whole
/// history; trials still running stay pending and their results go to the new tuner when they arrive. The same seed and
/// history give the same proposals, unless <see cref="AutoTunerOptions.LeaveGpWhenProposalsCostMore"/> lets
/// wall-clock time decide a switch. Every choice is in <see cref="Decisions"/>, in the log and in the trial records.</remarks>
public sealed class AutoTuner : ITuner, IAnnotatingTuner
{
    private readonly SearchSpace _space;
    private readonly AutoTunerOptions _options;
    private readonly AutoProfile _profile;
    private readonly int _seed;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly ProposalCostMonitor? _cost;
    private readonly List<TrialResult> _finished = [];
    private readonly List<AutoDecision> _decisions = [];
    private AutoChoice _choice;
    private ITuner _inner;
    private double _spentFullBudgets;
    // After leaving BOHB, GP-BO learns only full-budget results: a lower budget's loss is biased, and GP-BO models one
    // fidelity.
    private bool _fullBudgetOnly;

    /// <summary>Creates the tuner and makes its first choice.</summary>
    /// <param name="searchSpace">The space to search.</param>
    /// <param name="options">What is known of the experiment; null means nothing (single fidelity, one worker).</param>
    /// <param name="seed">The seed of every tuner it delegates to.</param>
    /// <param name="logger">Where its choices are logged; null logs nothing.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public AutoTuner(SearchSpace searchSpace, AutoTunerOptions? options = null, int seed = 0, ILogger? logger = null)
        : this(searchSpace, options, seed, logger, TimeProvider.System)
    {
    }

    internal AutoTuner(SearchSpace searchSpace, AutoTunerOptions? options, int seed, ILogger? logger, TimeProvider clock)
    {
        _space = searchSpace ?? throw new ArgumentNullException(nameof(searchSpace));
        _options = Validated(options ?? new AutoTunerOptions());
        _profile = AutoProfile.Read(searchSpace, _options);
        _seed = seed;
        _logger = logger ?? NullLogger.Instance;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _cost = _options.LeaveGpWhenProposalsCostMore ? new ProposalCostMonitor(AutoRules.CostWindow) : null;
        var (choice, rule) = AutoRules.Start(_profile);
        _choice = choice;
        _inner = Create(choice);
        Record(new AutoDecision(choice.BenchName(), rule, FromTrialId: 0, FinishedTrials: 0, IsSwitch: false));
    }

    /// <summary>Every choice so far, the first one and each switch, in order.</summary>
    public IReadOnlyList<AutoDecision> Decisions => _decisions;

    /// <summary>The <c>bench</c> name of the tuner that proposes now.</summary>
    public string CurrentTuner => _choice.BenchName();

    /// <inheritdoc />
    public Parameter Propose(TrialSettings settings) => Propose(settings, CancellationToken.None);

    /// <inheritdoc />
    public Parameter Propose(TrialSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        cancellationToken.ThrowIfCancellationRequested();
        SwitchIfDue(settings.TrialId);
        var started = _clock.GetTimestamp();
        var parameter = _inner.Propose(settings, cancellationToken);
        _cost?.AddProposal(_clock.GetElapsedTime(started).TotalMilliseconds);
        return parameter;
    }

    /// <inheritdoc />
    public void Update(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!_fullBudgetOnly || IsAtFullBudget(result)) _inner.Update(result);
        if (TrialStatusRules.IsPending(result.Status)) return;
        _finished.Add(result);
        _spentFullBudgets += SpentFullBudgets(result);
        _cost?.AddTrial(result.DurationInMilliseconds);
    }

    string? IAnnotatingTuner.NoteOf(int trialId) =>
        (_decisions.LastOrDefault(d => d.FromTrialId <= trialId) ?? _decisions[0]).Note;

    private void SwitchIfDue(int trialId)
    {
        if (_choice == AutoChoice.Bohb && AutoRules.LeaveBohb(_profile, _spentFullBudgets) is { } toGp)
        {
            _choice = AutoChoice.GpMap;
            _inner = Create(_choice);
            _fullBudgetOnly = true;
            foreach (var result in _finished.Where(IsAtFullBudget))
                _inner.Update(result);
            Record(new AutoDecision(_choice.BenchName(), toGp, trialId, _finished.Count, IsSwitch: true));
            return;
        }
        if (_choice != AutoChoice.GpMap) return;
        var learned = _fullBudgetOnly ? _finished.Where(IsAtFullBudget) : _finished;
        var rule = AutoRules.LeaveGp(_profile, learned.Count(), _cost);
        if (rule is null) return;
        _choice = AutoChoice.TpeMultivariate;
        _inner = Create(_choice);
        // Every finished trial GP-BO learned, told in the order it arrived: the new tuner learns them as trials it did
        // not propose.
        foreach (var result in learned)
            _inner.Update(result);
        _cost?.ClearProposals();
        Record(new AutoDecision(_choice.BenchName(), rule, trialId, _finished.Count, IsSwitch: true));
    }

    private bool IsAtFullBudget(TrialResult result) =>
        _profile.Budgets is not { } range || result.TrialSettings.Budget is not { } budget || budget >= range.Max;

    // What a finished trial cost in full budgets: what it reports it spent, else its budget (a fresh start).
    private double SpentFullBudgets(TrialResult result)
    {
        if (_profile.Budgets is not { } range || range.Max <= 0) return 1;
        var spent = result.SpentBudget ?? result.TrialSettings.Budget ?? range.Max;
        return double.IsFinite(spent) && spent > 0 ? spent / range.Max : 0;
    }

    private void Record(AutoDecision decision)
    {
        _decisions.Add(decision);
        _logger.LogInformation("{Decision} ({Finished} trials finished).", decision.ToString(), decision.FinishedTrials);
    }

    private ITuner Create(AutoChoice choice) => choice switch
    {
        AutoChoice.GpMap => new GpTuner(_space, new GpOptions { HyperparameterMode = HyperparameterMode.Map }, _seed),
        AutoChoice.TpeMultivariate => new TpeTuner(_space, new TpeOptions { Multivariate = true }, _seed),
        AutoChoice.Bohb => new BohbTuner(_space, new BohbOptions
        {
            MinBudget = _profile.Budgets!.Min, MaxBudget = _profile.Budgets.Max, RoundBudgets = _options.RoundBudgets,
        }, _seed),
        AutoChoice.StringKernelGp => new StringKernelGpTuner(_space, _options.Architecture!, seed: _seed),
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "Unknown choice."),
    };

    // A copy, so that later edits of the caller's options cannot change a running tuner.
    private static AutoTunerOptions Validated(AutoTunerOptions options)
    {
        if (options.MaxTrials is < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxTrials,
                "AutoTunerOptions.MaxTrials must be at least 1, or null when unknown.");
        if (options.DegreeOfParallelism < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.DegreeOfParallelism,
                "AutoTunerOptions.DegreeOfParallelism must be at least 1.");
        return new AutoTunerOptions
        {
            MaxTrials = options.MaxTrials,
            DegreeOfParallelism = options.DegreeOfParallelism,
            Budgets = options.Budgets,
            RoundBudgets = options.RoundBudgets,
            Architecture = options.Architecture,
            LeaveGpWhenProposalsCostMore = options.LeaveGpWhenProposalsCostMore,
        };
    }
}
