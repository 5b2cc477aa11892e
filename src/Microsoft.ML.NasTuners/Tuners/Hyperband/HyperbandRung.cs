namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>One rung of a Hyperband bracket: how many configurations run at which budget.</summary>
/// <param name="Configurations">The number of configurations evaluated in the rung.</param>
/// <param name="Budget">Their budget.</param>
public sealed record HyperbandRung(int Configurations, double Budget);
