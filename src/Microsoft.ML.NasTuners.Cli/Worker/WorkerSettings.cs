namespace Microsoft.ML.NasTuners.Cli.Worker;

/// <summary>The options of one <c>worker</c>.</summary>
internal sealed record WorkerSettings(
    string Storage,
    string Study,
    string? Problem,
    string? Objective,
    string Tuner,
    int Seed,
    int Workers,
    int? MaxTrials,
    double? TimeLimitSeconds,
    double? BudgetLimit,
    double LeaseSeconds,
    double? HeartbeatSeconds,
    TrialDelay Delay,
    string? Name,
    string Pruner = "none");
