namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>How a <see cref="ParzenEstimator"/> turns observations into a mixture of kernels.</summary>
public sealed record ParzenEstimatorOptions
{
    /// <summary>The weight of the prior component, relative to observation weights (default 1.0; must be positive
    /// and finite). The prior is a truncated Gaussian centred in the (warped) range with a standard deviation equal
    /// to the range's width, or uniform over the choices of a categorical. It keeps the density positive
    /// everywhere in the range and dominates while there are few observations.</summary>
    public double PriorWeight { get; init; } = 1.0;

    /// <summary>How bandwidths are chosen (default <see cref="ParzenBandwidthRule.NeighbourGaps"/>).</summary>
    public ParzenBandwidthRule Bandwidth { get; init; } = ParzenBandwidthRule.NeighbourGaps;

    /// <summary>When true (the default), bandwidths are clipped below at range / min(100, number of kernels + 1)
    /// (Bergstra's "magic clip"), so that a few close observations do not collapse into spikes; when false, only at
    /// 1e-12 of the range. Bandwidths are always clipped above at the range's width.</summary>
    public bool ConsiderMagicClip { get; init; } = true;

    /// <summary>When true, the range's ends count as neighbours of the smallest and largest observations under
    /// <see cref="ParzenBandwidthRule.NeighbourGaps"/>: an outermost observation far from its end gets a kernel wide
    /// enough to reach it. When false (the default, as in Optuna), an outermost observation's bandwidth is its gap to
    /// its one neighbour; the prior component already covers the ends. False measured slightly better on the
    /// project's benchmarks, mostly in multivariate mode.</summary>
    public bool ConsiderEndpoints { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (!(PriorWeight > 0) || !double.IsFinite(PriorWeight))
            throw new ArgumentOutOfRangeException(nameof(PriorWeight), PriorWeight, "PriorWeight must be a positive, finite number.");
        if (!Enum.IsDefined(Bandwidth))
            throw new ArgumentOutOfRangeException(nameof(Bandwidth), Bandwidth, $"Bandwidth must be one of {string.Join(", ", Enum.GetNames<ParzenBandwidthRule>())}.");
    }
}
