namespace Microsoft.ML.NasTuners;

/// <summary>What an objective returns when it has a metric to report beside the loss it wants minimised: both are
/// recorded on the trial (<see cref="TrialResult.Loss"/>, <see cref="TrialResult.Metric"/>).</summary>
/// <param name="Loss">The value the tuner minimises.</param>
/// <param name="Metric">A value to report beside it (accuracy, AUC, ...); NaN for none.</param>
public readonly record struct ObjectiveValue(double Loss, double Metric = double.NaN);
