namespace Microsoft.ML.NasTuners.Acquisition;

/// <summary>A candidate architecture of an acquisition search: its model-view point, its parameter, its canonical key
/// and its acquisition value.</summary>
/// <param name="Point">The raw model-view values (NaN where inactive).</param>
/// <param name="Parameter">The point as a parameter.</param>
/// <param name="Key">The canonical key of its architecture.</param>
/// <param name="Score">The acquisition value (higher is better).</param>
public sealed record ArchitectureCandidate(double[] Point, Parameter Parameter, string Key, double Score);
