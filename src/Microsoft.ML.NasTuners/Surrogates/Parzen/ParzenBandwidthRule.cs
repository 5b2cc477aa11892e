namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>How a <see cref="ParzenEstimator"/> chooses the bandwidth of the kernel it puts on each observation of a
/// numeric dimension (in warped space, see <see cref="Dimension.Warp"/>).</summary>
public enum ParzenBandwidthRule
{
    /// <summary>Each observation's own bandwidth: the larger of the gaps to its sorted neighbours (the prior's centre
    /// counts as a neighbour, and so do the range's ends when <see cref="ParzenEstimatorOptions.ConsiderEndpoints"/>
    /// is set). Dense regions get narrow kernels, sparse regions wide ones (Bergstra et al. 2011).</summary>
    NeighbourGaps,

    /// <summary>One bandwidth per dimension for all observations, by a Scott-like rule that shrinks with the number
    /// of observations n and dimensions d: 0.2 * range * n^(-1/(d+4)). The rule Optuna uses for its multivariate
    /// TPE.</summary>
    Scott,
}
