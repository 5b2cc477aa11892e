namespace Microsoft.ML.NasTuners;

/// <summary>The limits of one run, frozen when it starts so that setters called meanwhile do not change it. Budget is
/// null when the run has no budgets, BudgetLimit when it has no budget limit.</summary>
/// <param name="MaxTrials">The most trials the run starts.</param>
/// <param name="TimeLimit">The run's wall-clock limit; null for none.</param>
/// <param name="TrialTimeout">Each trial's wall-clock limit; null for none.</param>
/// <param name="DegreeOfParallelism">Trials running at once.</param>
/// <param name="Budget">The budget range of a multi-fidelity run; null for a single fidelity.</param>
/// <param name="BudgetLimit">The total budget the run may spend; null for no limit.</param>
/// <param name="CompleteInProposalOrder">Record trials strictly in the order they were proposed, each as soon as it
/// and all older ones have ended: simulated workers of which the oldest always finishes first, so a run with several
/// trials at once is as reproducible as a sequential one (the benchmark's <c>--parallel</c>).</param>
/// <param name="ExpectedCost">The budget a trial is expected to spend, taken when it starts, for the budget limit;
/// null charges its budget less the budget it continues from.</param>
/// <param name="SpentBudget">The budget an ended trial spent, asked once per trial in the order trials are recorded;
/// null takes the result's <see cref="TrialResult.SpentBudget"/>.</param>
/// <param name="InlineTrials">Run each trial on the loop's own thread instead of the thread pool, for trials that
/// finish before they return (the benchmark's problems): a run then needs no second thread, and many runs on a thread
/// pool never wait on it.</param>
/// <param name="KeepTrials">Keep every ended trial for the result (the default). False keeps none, so a run of any
/// length holds only its running trials; the monitors still see every trial.</param>
/// <param name="MaxAbandonedTrials">Abandoned objectives still running past which no new trial starts.</param>
/// <param name="Pruner">Judges the values trials report while they run; null prunes nothing.</param>
internal sealed record ExperimentConfiguration(
    int MaxTrials,
    TimeSpan? TimeLimit,
    TimeSpan? TrialTimeout,
    int DegreeOfParallelism,
    BudgetRange? Budget = null,
    double? BudgetLimit = null,
    bool CompleteInProposalOrder = false,
    Func<TrialSettings, double>? ExpectedCost = null,
    Func<TrialResult, double>? SpentBudget = null,
    bool KeepTrials = true,
    int MaxAbandonedTrials = NasExperiment.DefaultMaxAbandonedTrials,
    bool InlineTrials = false,
    Pruning.IPruner? Pruner = null);
