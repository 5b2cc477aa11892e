namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>Predictive means and variances of the loss at a list of points, under one setting of a model.</summary>
/// <param name="Mean">One mean per point.</param>
/// <param name="Variance">One variance per point (at least 0).</param>
public sealed record ArchitecturePrediction(double[] Mean, double[] Variance);
