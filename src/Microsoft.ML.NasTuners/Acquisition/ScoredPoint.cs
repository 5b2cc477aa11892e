namespace Microsoft.ML.NasTuners.Acquisition;

/// <summary>A point of a model view with its acquisition score.</summary>
/// <param name="Point">The raw values (NaN where inactive).</param>
/// <param name="Score">The acquisition score (higher is better).</param>
public readonly record struct ScoredPoint(double[] Point, double Score);
