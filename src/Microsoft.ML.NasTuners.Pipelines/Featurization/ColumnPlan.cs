namespace Microsoft.ML.NasTuners.Pipelines.Featurization;

/// <summary>The treatment chosen for one column and why (its cardinality or missing count).</summary>
/// <param name="Name">The column.</param>
/// <param name="Treatment">What is done to it.</param>
/// <param name="Reason">The measurement behind the choice, for the pipeline description.</param>
public sealed record ColumnPlan(string Name, ColumnTreatment Treatment, string Reason);
