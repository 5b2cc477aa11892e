namespace Microsoft.ML.NasTuners.Acquisition;

/// <summary>Scores points of a model view by an acquisition function (higher is better), one score per point,
/// many points per call so that a surrogate can predict them in one pass.</summary>
/// <param name="points">The points (raw values, NaN where inactive).</param>
/// <param name="scores">Receives the score of each point (as long as <paramref name="points"/>).</param>
public delegate void BatchAcquisition(IReadOnlyList<double[]> points, Span<double> scores);
