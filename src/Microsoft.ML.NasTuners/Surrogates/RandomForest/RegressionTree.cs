namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>
/// One fitted regression tree, stored as flat node arrays so that prediction is a tight loop without allocation.
/// An inner node sends a point left when its numeric feature is at most <see cref="Threshold"/>, or when its
/// categorical feature's bit is set in the node's category mask; a leaf holds the mean and variance of its points.
/// </summary>
internal sealed class RegressionTree
{
    public RegressionTree(int capacity, int maskWordsPerNode)
    {
        Feature = new int[capacity];
        Left = new int[capacity];
        Right = new int[capacity];
        Threshold = new double[capacity];
        Mean = new double[capacity];
        Variance = new double[capacity];
        MaskWords = maskWordsPerNode;
        Masks = maskWordsPerNode == 0 ? [] : new ulong[capacity * maskWordsPerNode];
    }

    /// <summary>The feature an inner node splits on; -1 for a leaf.</summary>
    public int[] Feature { get; }

    public int[] Left { get; }

    public int[] Right { get; }

    /// <summary>Numeric splits: points with a value at most this go left.</summary>
    public double[] Threshold { get; }

    /// <summary>Leaves: the mean response.</summary>
    public double[] Mean { get; }

    /// <summary>Leaves: the (population) variance of the responses.</summary>
    public double[] Variance { get; }

    /// <summary>Categorical splits: node i's mask occupies words [i * MaskWords, (i + 1) * MaskWords); a set bit
    /// sends that category left. Indexed by node so that no second offset array is needed.</summary>
    public ulong[] Masks { get; }

    public int MaskWords { get; }

    public int NodeCount { get; set; }

    /// <summary>The index of the leaf a point falls in.</summary>
    public int FindLeaf(ReadOnlySpan<double> x, int[] categoryCounts)
    {
        var node = 0;
        var feature = Feature;
        while (true)
        {
            var f = feature[node];
            if (f < 0) return node;
            bool goLeft;
            if (categoryCounts[f] == 0)
            {
                goLeft = x[f] <= Threshold[node];
            }
            else
            {
                var c = (int)x[f];
                goLeft = (uint)c < (uint)categoryCounts[f] && (Masks[node * MaskWords + (c >> 6)] & (1UL << (c & 63))) != 0;
            }
            node = goLeft ? Left[node] : Right[node];
        }
    }
}
