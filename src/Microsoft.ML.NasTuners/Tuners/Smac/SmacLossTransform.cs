namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>How <see cref="SmacTuner"/> transforms the losses before its forest models them.</summary>
public enum SmacLossTransform
{
    /// <summary>The losses as they are, with the Gaussian expected improvement.</summary>
    None,

    /// <summary>The default. Losses up to the median stay as they are; above it they are compressed
    /// logarithmically (continuous, with slope 1 at the median), with the Gaussian expected improvement. Near the
    /// best, improvements keep their absolute size, so the search still sees that a converged region has little left
    /// to give and moves on; but a few huge losses (1e5 beside an optimum of 3) cannot blow up the forest's variance
    /// and draw the search to hopeless regions.</summary>
    CompressWorseHalf,

    /// <summary>SMAC's log scaling for runtime-like objectives spread over orders of magnitude: the forest models
    /// log(loss - best + gap), gap being how far the 5th percentile lies above the best, and proposals maximise the
    /// expected improvement of the loss itself under that log-normal model (SMAC's log EI). It refines an optimum
    /// sharply but exploits harder: on a conditional space it may settle in a good branch and miss a better one.</summary>
    Log,
}
