namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>
/// A random forest for regression in the style of SMAC (Hutter, Hoos and Leyton-Brown, LION 2011), built to be
/// refitted after every trial on a few hundred points in about a millisecond.
/// <list type="bullet">
/// <item>Numeric features split by a threshold drawn uniformly between two neighbouring values.</item>
/// <item>Categorical features split by a subset of their categories (never by an ordinal threshold): the categories
/// at a node are sorted by mean response and the best prefix is taken, which is the exact best subset split for
/// squared error. Categories absent at a node go to a random side.</item>
/// <item>The prediction is the mean over trees of the leaf means; its variance follows the law of total variance:
/// the mean of the leaf variances plus the variance of the leaf means over trees.</item>
/// </list>
/// Features are given as numbers: a numeric feature any finite value, a categorical feature the index of its
/// category in [0, count). Missing values (inactive conditional parameters) must be imputed by the caller, for
/// example as a value outside the numeric range or as an extra category, so that a tree can separate them.
/// See <see cref="RandomForestOptions"/> for the defaults.
/// </summary>
public sealed class RandomForest
{
    private readonly int[] _categoryCounts;
    private readonly RegressionTreeBuilder _builder;
    private RegressionTree[] _trees = [];

    /// <summary>Creates an unfitted forest.</summary>
    /// <param name="categoryCounts">One entry per feature: 0 for a numeric feature, else the number of categories
    /// (at least 1) of a categorical feature.</param>
    /// <param name="options">The options; null for the defaults of <see cref="RandomForestOptions"/>.</param>
    public RandomForest(IReadOnlyList<int> categoryCounts, RandomForestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(categoryCounts);
        for (var f = 0; f < categoryCounts.Count; f++)
        {
            if (categoryCounts[f] < 0)
                throw new ArgumentOutOfRangeException(nameof(categoryCounts), categoryCounts[f],
                    $"categoryCounts[{f}] must be 0 (numeric) or a positive number of categories.");
        }
        Options = options ?? new RandomForestOptions();
        Options.Validate();
        _categoryCounts = categoryCounts.ToArray();
        _builder = new RegressionTreeBuilder(_categoryCounts, Options);
    }

    /// <summary>The options.</summary>
    public RandomForestOptions Options { get; }

    /// <summary>The number of features of a point.</summary>
    public int FeatureCount => _categoryCounts.Length;

    /// <summary>Per feature: 0 for numeric, else the number of categories.</summary>
    public IReadOnlyList<int> CategoryCounts => _categoryCounts;

    /// <summary>True once <see cref="Fit"/> has run.</summary>
    public bool IsFitted => _trees.Length > 0;

    /// <summary>Fits the forest, replacing any earlier fit.</summary>
    /// <param name="features">The points, each with <see cref="FeatureCount"/> values.</param>
    /// <param name="targets">The response at each point (finite).</param>
    /// <param name="random">The source of the bootstrap samples, feature subsets and thresholds.</param>
    public void Fit(IReadOnlyList<double[]> features, IReadOnlyList<double> targets, Random random)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(random);
        if (features.Count == 0)
            throw new ArgumentException("A forest needs at least one point.", nameof(features));
        if (targets.Count != features.Count)
            throw new ArgumentException($"Expected {features.Count} targets (one per point), got {targets.Count}.", nameof(targets));
        for (var i = 0; i < features.Count; i++)
        {
            CheckPoint(features[i], $"{nameof(features)}[{i}]");
            if (!double.IsFinite(targets[i]))
                throw new ArgumentException($"targets[{i}] is {targets[i]}; targets must be finite.", nameof(targets));
        }

        _builder.SetData(features, targets);
        var trees = new RegressionTree[Options.TreeCount];
        for (var t = 0; t < trees.Length; t++) trees[t] = _builder.Grow(random);
        _trees = trees;
    }

    /// <summary>The predictive mean and variance at one point.</summary>
    public (double Mean, double Variance) Predict(ReadOnlySpan<double> point)
    {
        if (point.Length != FeatureCount)
            throw new ArgumentException($"Expected {FeatureCount} features, got {point.Length}.", nameof(point));
        Span<double> mean = stackalloc double[1];
        Span<double> variance = stackalloc double[1];
        Predict(point, 1, mean, variance);
        return (mean[0], variance[0]);
    }

    /// <summary>The predictive means and variances of many points at once.</summary>
    /// <param name="points">The points one after another (row-major), <paramref name="count"/> times
    /// <see cref="FeatureCount"/> values.</param>
    /// <param name="count">The number of points.</param>
    /// <param name="means">Receives the means (at least <paramref name="count"/> long).</param>
    /// <param name="variances">Receives the variances (at least <paramref name="count"/> long).</param>
    public void Predict(ReadOnlySpan<double> points, int count, Span<double> means, Span<double> variances)
    {
        if (!IsFitted) throw new InvalidOperationException("The forest is not fitted: call Fit first.");
        var d = FeatureCount;
        if (count < 0 || points.Length < count * d)
            throw new ArgumentException($"Expected {count} points of {d} features ({count * d} values), got {points.Length}.", nameof(points));
        if (means.Length < count || variances.Length < count)
            throw new ArgumentException($"The output spans must hold {count} values.");
        // Tree by tree, so each tree's nodes stay in the first-level cache while all points pass through it; the
        // spread of the leaf means over trees is accumulated by Welford's update, which does not cancel when the
        // losses are large and the trees nearly agree.
        var spread = variances[..count];
        var mean = means[..count];
        mean.Clear();
        spread.Clear();
        var leafVariance = count <= 1024 ? stackalloc double[count] : new double[count];
        leafVariance.Clear();
        var leaves = count <= 2048 ? stackalloc int[count] : new int[count];
        for (var t = 0; t < _trees.Length; t++)
        {
            var tree = _trees[t];
            var i = 0;
            for (; i + 4 <= count; i += 4) tree.FindLeaves4(points, i, d, leaves.Slice(i, 4));
            for (; i < count; i++) leaves[i] = tree.FindLeaf(points.Slice(i * d, d));

            var treeMean = tree.Mean;
            var treeVariance = tree.Variance;
            var inverse = 1.0 / (t + 1);
            for (i = 0; i < count; i++)
            {
                var leaf = leaves[i];
                var m = treeMean[leaf];
                var delta = m - mean[i];
                mean[i] += delta * inverse;
                spread[i] += delta * (m - mean[i]);
                leafVariance[i] += treeVariance[leaf];
            }
        }
        var treeCount = (double)_trees.Length;
        for (var i = 0; i < count; i++) variances[i] = (leafVariance[i] + spread[i]) / treeCount;
    }

    private void CheckPoint(double[]? point, string name)
    {
        if (point is null) throw new ArgumentNullException(name);
        if (point.Length != FeatureCount)
            throw new ArgumentException($"{name} has {point.Length} features; expected {FeatureCount}.", name);
        for (var f = 0; f < point.Length; f++)
        {
            var x = point[f];
            var count = _categoryCounts[f];
            if (count == 0)
            {
                if (!double.IsFinite(x))
                    throw new ArgumentException($"{name}[{f}] is {x}; numeric features must be finite (impute missing values).", name);
            }
            else if (!(x >= 0 && x < count && x == Math.Floor(x)))
            {
                throw new ArgumentException($"{name}[{f}] is {x}; categorical feature {f} takes a whole number in [0, {count - 1}].", name);
            }
        }
    }
}
