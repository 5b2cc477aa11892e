namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>What a multi-fidelity schedule asks to run next: a configuration (new or promoted) at a budget.</summary>
/// <param name="ConfigId">The configuration's id, kept across its promotions.</param>
/// <param name="Point">The configuration, as a point of the model view.</param>
/// <param name="Budget">The budget to run it at.</param>
/// <param name="PreviousBudget">The budget it already ran at, for a promoted configuration; null for a new one.</param>
internal sealed record SuccessiveHalvingJob(int ConfigId, double[] Point, double Budget, double? PreviousBudget);
