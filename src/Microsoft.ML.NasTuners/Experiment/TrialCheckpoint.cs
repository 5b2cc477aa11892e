namespace Microsoft.ML.NasTuners;

/// <summary>What a trial left behind for its configuration to continue from: the budget it reached and the state
/// (a model, its optimiser, ...) at that budget.</summary>
/// <param name="Budget">The budget the state was trained to.</param>
/// <param name="State">The state; never null.</param>
public sealed record TrialCheckpoint(double Budget, object State);
