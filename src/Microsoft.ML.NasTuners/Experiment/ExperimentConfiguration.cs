namespace Microsoft.ML.NasTuners;

/// <summary>The limits of one run, frozen when it starts so that setters called meanwhile do not change it.</summary>
internal sealed record ExperimentConfiguration(
    int MaxTrials,
    TimeSpan? TimeLimit,
    TimeSpan? TrialTimeout,
    int DegreeOfParallelism);
