namespace Microsoft.ML.NasTuners.Pruning;

/// <summary>A value a trial reported while it ran (a validation loss after an epoch): lower is better, as losses.</summary>
/// <param name="Step">Where in training it was measured: an epoch, an iteration, a number of samples.</param>
/// <param name="Value">The loss at that step.</param>
public readonly record struct IntermediateValue(double Step, double Value);
