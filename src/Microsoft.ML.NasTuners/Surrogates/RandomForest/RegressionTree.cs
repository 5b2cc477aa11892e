namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>
/// One fitted regression tree, stored as a flat array of 16-byte nodes so that prediction is a tight, cache-friendly
/// loop without allocation. The two children of a node are adjacent (right = left + 1). An inner node sends a point
/// left when its numeric feature is at most the threshold, or when its categorical feature's bit is set in the
/// node's category mask; a leaf holds the mean and variance of its points.
/// </summary>
internal sealed class RegressionTree
{
    /// <summary>A node. <see cref="Left"/> is 0 for a leaf (the root is nobody's child). <see cref="Feature"/> is
    /// the feature of a numeric split, or its complement (~feature, negative) for a categorical split.</summary>
    internal struct Node
    {
        public int Feature;
        public int Left;
        public double Threshold;
    }

    public RegressionTree(int capacity, int maskWordsPerNode)
    {
        Nodes = new Node[capacity];
        Mean = new double[capacity];
        Variance = new double[capacity];
        MaskWords = maskWordsPerNode;
        Masks = maskWordsPerNode == 0 ? [] : new ulong[capacity * maskWordsPerNode];
    }

    public Node[] Nodes { get; }

    /// <summary>Leaves: the mean response.</summary>
    public double[] Mean { get; }

    /// <summary>Leaves: the (population) variance of the responses.</summary>
    public double[] Variance { get; }

    /// <summary>Categorical splits: node i's mask occupies words [i * MaskWords, (i + 1) * MaskWords); a set bit
    /// sends that category left. Indexed by node so that no offset array is needed.</summary>
    public ulong[] Masks { get; }

    public int MaskWords { get; }

    public int NodeCount { get; set; }

    /// <summary>True when a categorical node sends category <paramref name="category"/> left; categories beyond
    /// the mask go right.</summary>
    public bool SendsLeft(int node, int category)
    {
        if ((uint)category >= (uint)(MaskWords * 64)) return false;
        return (Masks[node * MaskWords + (category >> 6)] & (1UL << (category & 63))) != 0;
    }

    /// <summary>The leaves of four points at once (rows <paramref name="first"/> to first + 3 of a row-major block
    /// of <paramref name="width"/> features): four independent walks interleaved, so the processor overlaps their
    /// dependent loads instead of waiting on one chain of nodes.</summary>
    public void FindLeaves4(ReadOnlySpan<double> points, int first, int width, Span<int> leaves)
    {
        var nodes = Nodes;
        var x0 = points.Slice(first * width, width);
        var x1 = points.Slice((first + 1) * width, width);
        var x2 = points.Slice((first + 2) * width, width);
        var x3 = points.Slice((first + 3) * width, width);
        int i0 = 0, i1 = 0, i2 = 0, i3 = 0;
        while (true)
        {
            var moved = false;
            ref readonly var n0 = ref nodes[i0];
            if (n0.Left != 0)
            {
                i0 = Child(n0, i0, x0);
                moved = true;
            }
            ref readonly var n1 = ref nodes[i1];
            if (n1.Left != 0)
            {
                i1 = Child(n1, i1, x1);
                moved = true;
            }
            ref readonly var n2 = ref nodes[i2];
            if (n2.Left != 0)
            {
                i2 = Child(n2, i2, x2);
                moved = true;
            }
            ref readonly var n3 = ref nodes[i3];
            if (n3.Left != 0)
            {
                i3 = Child(n3, i3, x3);
                moved = true;
            }
            if (!moved) break;
        }
        leaves[0] = i0;
        leaves[1] = i1;
        leaves[2] = i2;
        leaves[3] = i3;
    }

    private int Child(in Node node, int index, ReadOnlySpan<double> x)
    {
        var f = node.Feature;
        var goRight = f >= 0 ? x[f] > node.Threshold : !SendsLeft(index, (int)x[~f]);
        return node.Left + (goRight ? 1 : 0);
    }

    /// <summary>The index of the leaf a point falls in.</summary>
    public int FindLeaf(ReadOnlySpan<double> x)
    {
        var nodes = Nodes;
        var index = 0;
        while (true)
        {
            ref readonly var node = ref nodes[index];
            if (node.Left == 0) return index;
            var f = node.Feature;
            var goRight = f >= 0 ? x[f] > node.Threshold : !SendsLeft(index, (int)x[~f]);
            index = node.Left + (goRight ? 1 : 0);
        }
    }
}
