namespace Microsoft.ML.NasTuners;

/// <summary>The limits of one run, frozen when it starts so that setters called meanwhile do not change it. Budget is
/// null when the run has no budgets, BudgetLimit when it has no budget limit.</summary>
internal sealed record ExperimentConfiguration(
    int MaxTrials,
    TimeSpan? TimeLimit,
    TimeSpan? TrialTimeout,
    int DegreeOfParallelism,
    BudgetRange? Budget = null,
    double? BudgetLimit = null);
