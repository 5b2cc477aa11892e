namespace Microsoft.ML.NasTuners.Visualization;

/// <summary>How much a parameter explains of a study's losses (see <see cref="ParameterImportance"/>).</summary>
/// <param name="Parameter">The parameter's name (nested keys joined by '.').</param>
/// <param name="Share">Its share of the summed importances, 0 to 1; the shares of a study add up to 1 unless every
/// importance is 0.</param>
/// <param name="ErrorIncrease">The mean increase of the forest's held-out mean squared error when the parameter's
/// values are shuffled, in squared loss units; 0 or below says the forest does not use it to predict.</param>
public sealed record ParameterImportanceScore(string Parameter, double Share, double ErrorIncrease);
