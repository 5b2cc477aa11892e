namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>The posterior of the latent function at a set of points, in the units of the observed outputs.</summary>
/// <param name="Mean">The posterior mean at each point.</param>
/// <param name="Variance">The posterior variance at each point (without observation noise).</param>
public sealed record GpPrediction(double[] Mean, double[] Variance);
