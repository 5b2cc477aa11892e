namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>
/// Options of <see cref="RandomForest"/>. The defaults are those of SMAC's random forest (Hutter, Hoos and
/// Leyton-Brown, LION 2011): 10 trees grown on bootstrap samples, no depth limit, a node split only when it holds
/// at least 3 points, leaves of at least 1 point, and 5/6 of the features tried per split.
/// </summary>
public sealed class RandomForestOptions
{
    /// <summary>The number of trees. Default 10. At least 1.</summary>
    public int TreeCount { get; init; } = 10;

    /// <summary>When true (the default), each tree is grown on a bootstrap sample (n draws with replacement);
    /// when false, on all points, so the trees differ only by their random feature subsets and thresholds.</summary>
    public bool Bootstrap { get; init; } = true;

    /// <summary>A node is split only when it holds at least this many points (counting bootstrap repeats).
    /// Default 3. At least 2.</summary>
    public int MinSamplesToSplit { get; init; } = 3;

    /// <summary>The fewest points a leaf may hold. Default 1. At least 1.</summary>
    public int MinSamplesPerLeaf { get; init; } = 1;

    /// <summary>The fraction of the features tried at each split: floor(fraction * features), at least 1; when none
    /// of them separates the node's points the other features are tried too. Default 5/6. In (0, 1].</summary>
    public double FeatureFraction { get; init; } = 5.0 / 6.0;

    /// <summary>The deepest a tree may grow (the root has depth 0); null (the default) means no limit.
    /// At least 1 when set.</summary>
    public int? MaxDepth { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option outside its range.</summary>
    public void Validate()
    {
        if (TreeCount < 1)
            throw new ArgumentOutOfRangeException(nameof(TreeCount), TreeCount, "TreeCount must be at least 1.");
        if (MinSamplesToSplit < 2)
            throw new ArgumentOutOfRangeException(nameof(MinSamplesToSplit), MinSamplesToSplit, "MinSamplesToSplit must be at least 2.");
        if (MinSamplesPerLeaf < 1)
            throw new ArgumentOutOfRangeException(nameof(MinSamplesPerLeaf), MinSamplesPerLeaf, "MinSamplesPerLeaf must be at least 1.");
        if (!(FeatureFraction > 0 && FeatureFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(FeatureFraction), FeatureFraction, "FeatureFraction must lie in (0, 1].");
        if (MaxDepth is < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxDepth), MaxDepth, "MaxDepth must be at least 1, or null for no limit.");
    }
}
