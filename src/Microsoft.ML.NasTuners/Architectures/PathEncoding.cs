namespace Microsoft.ML.NasTuners.Architectures;

/// <summary>
/// The path encoding of BANANAS (White, Neiswanger and Savani, AAAI 2021): an architecture as the set of its paths from
/// input to output, each path read as the sequence of operation labels on its way. One feature per possible sequence
/// of 0 to <see cref="MaxPathLength"/> operations over a declared vocabulary, 1 when the graph has such a path (or, with
/// <see cref="CountPaths"/>, how many). Isomorphic graphs get equal encodings, because a path does not depend on how
/// the nodes are numbered.
/// </summary>
/// <remarks>
/// <para>The graph's first node is the input and its last node the output (an <see cref="ArchitectureGraph"/> is in
/// topological order); every node in between must carry a label of the vocabulary. A path of k intermediate nodes has
/// length k; the direct edge input→output is the path of length 0.</para>
/// <para>The length of the encoding is Σ_{l=0..L} |ops|^l, where L = <see cref="MaxPathLength"/>: one feature for the
/// empty path, |ops| for paths through one operation, |ops|² for two, and so on. Paths longer than L are left out (the
/// truncation BANANAS also uses to keep the encoding short). Feature order: by length, then by the operations read as
/// the digits of a base-|ops| number, the first operation most significant.</para>
/// </remarks>
public sealed class PathEncoding
{
    // Beyond this many features a dense vector stops being a sensible encoding.
    private const long MaxLength = 1 << 24;

    private readonly Dictionary<string, int> _operationIndex;
    private readonly long[] _offsets;

    /// <summary>Creates the encoding.</summary>
    /// <param name="operations">The operation labels intermediate nodes may carry; distinct, none empty, at least one.</param>
    /// <param name="maxPathLength">L, the most operations a path may pass through to be encoded; at least 0.</param>
    /// <param name="countPaths">When true a feature counts the paths; when false (the default, as in BANANAS) it is
    /// 1 if at least one exists.</param>
    /// <exception cref="ArgumentException">The vocabulary is empty, repeats a label or holds an empty one.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxPathLength"/> is negative, or the encoding
    /// would exceed 16,777,216 features.</exception>
    public PathEncoding(IReadOnlyList<string> operations, int maxPathLength, bool countPaths = false)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count == 0) throw new ArgumentException("The vocabulary needs at least one operation.", nameof(operations));
        _operationIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < operations.Count; i++)
        {
            if (string.IsNullOrEmpty(operations[i]))
                throw new ArgumentException($"Operation {i} of the vocabulary is empty.", nameof(operations));
            if (!_operationIndex.TryAdd(operations[i], i))
                throw new ArgumentException($"Operation '{operations[i]}' appears twice in the vocabulary.", nameof(operations));
        }
        if (maxPathLength < 0)
            throw new ArgumentOutOfRangeException(nameof(maxPathLength), maxPathLength, "maxPathLength must be at least 0.");
        var length = LengthFor(operations.Count, maxPathLength);
        if (length > MaxLength)
            throw new ArgumentOutOfRangeException(nameof(maxPathLength), maxPathLength,
                $"{operations.Count} operations and paths of up to {maxPathLength} give {length} features; at most {MaxLength} are allowed, so lower maxPathLength.");

        Operations = operations.ToArray();
        MaxPathLength = maxPathLength;
        CountPaths = countPaths;
        Length = (int)length;
        _offsets = new long[maxPathLength + 1];
        long power = 1, offset = 0;
        for (var l = 0; l <= maxPathLength; l++)
        {
            _offsets[l] = offset;
            offset += power;
            power *= operations.Count;
        }
    }

    /// <summary>The vocabulary, in the order that numbers the features.</summary>
    public IReadOnlyList<string> Operations { get; }

    /// <summary>L: the most operations an encoded path passes through.</summary>
    public int MaxPathLength { get; }

    /// <summary>True when features count paths rather than flag them.</summary>
    public bool CountPaths { get; }

    /// <summary>The number of features, Σ_{l=0..L} |ops|^l.</summary>
    public int Length { get; }

    /// <summary>The number of features for <paramref name="operationCount"/> operations and paths of up to
    /// <paramref name="maxPathLength"/> operations: Σ_{l=0..L} |ops|^l (saturating at <see cref="long.MaxValue"/>).</summary>
    public static long LengthFor(int operationCount, int maxPathLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(operationCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxPathLength);
        long total = 0, power = 1;
        for (var l = 0; l <= maxPathLength; l++)
        {
            if (total > long.MaxValue - power) return long.MaxValue;
            total += power;
            power = power > long.MaxValue / operationCount ? long.MaxValue : power * operationCount;
        }
        return total;
    }

    /// <summary>The feature of the path through <paramref name="path"/>'s operations, in order.</summary>
    /// <exception cref="ArgumentException">An operation is not in the vocabulary, or the path is longer than
    /// <see cref="MaxPathLength"/>.</exception>
    public int IndexOf(IReadOnlyList<string> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Count > MaxPathLength)
            throw new ArgumentException($"The path passes {path.Count} operations; the encoding holds paths of at most {MaxPathLength}.", nameof(path));
        long index = 0;
        foreach (var operation in path)
            index = index * Operations.Count + OperationIndex(operation, nameof(path));
        return (int)(_offsets[path.Count] + index);
    }

    /// <summary>The encoding of <paramref name="graph"/>: its input is node 0, its output the last node.</summary>
    /// <exception cref="ArgumentException">The graph has fewer than two nodes, or an intermediate node's label is not
    /// in the vocabulary.</exception>
    public double[] Encode(ArchitectureGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.NodeCount < 2)
            throw new ArgumentException($"The graph needs an input and an output node; it has {graph.NodeCount}.", nameof(graph));
        var output = graph.NodeCount - 1;
        var digit = new int[graph.NodeCount];
        for (var n = 1; n < output; n++) digit[n] = OperationIndex(graph.NodeLabels[n], nameof(graph));
        var successors = new List<int>[graph.NodeCount];
        for (var n = 0; n < successors.Length; n++) successors[n] = [];
        foreach (var e in graph.Edges) successors[e.From].Add(e.To);

        var features = new double[Length];
        Walk(0, 0, 0);
        return features;

        // Depth-first over paths from the input; `length` operations passed so far, `index` their base-|ops| number.
        void Walk(int node, int length, long index)
        {
            foreach (var next in successors[node])
            {
                if (next == output)
                {
                    var feature = _offsets[length] + index;
                    features[feature] = CountPaths ? features[feature] + 1 : 1;
                }
                else if (length < MaxPathLength)
                {
                    Walk(next, length + 1, index * Operations.Count + digit[next]);
                }
            }
        }
    }

    private int OperationIndex(string operation, string parameterName) =>
        _operationIndex.TryGetValue(operation, out var index)
            ? index
            : throw new ArgumentException($"Operation '{operation}' is not in the vocabulary: {string.Join(", ", Operations)}.", parameterName);
}
