namespace Microsoft.ML.NasTuners.Architectures;

/// <summary>
/// Weisfeiler-Lehman feature extraction for labelled DAGs (Shervashidze et al. 2011; NAS-BOWL, Ru et al. 2021): start
/// with the node labels (operations); at each of <see cref="Iterations"/> refinements, relabel every node by its label
/// together with the sorted multiset of its predecessors' labels; count every label of every iteration. The counts
/// are a graph embedding (interpretable: a feature is a sub-structure ending in a node), and their normalised dot
/// product is the WL kernel. Isomorphic graphs get equal features; the converse holds for all but rare graphs.
/// </summary>
/// <remarks>
/// Only predecessors are aggregated because in a network data flows along the edges: a refined label describes the
/// operations that feed a node, h steps upstream. Label ids are issued on first sight and shared by every graph this
/// instance sees (thread-safe), so features of different extractors must not be compared; ids never change the
/// values of dot products.
/// </remarks>
public sealed class WeisfeilerLehmanFeatures
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<(string Label, int Iteration)> _labels = [];
    private readonly Lock _lock = new();

    /// <summary>Creates the extractor.</summary>
    /// <param name="iterations">The refinements h; default 2. In [0, 10].</param>
    public WeisfeilerLehmanFeatures(int iterations = 2)
    {
        if (iterations is < 0 or > 10)
            throw new ArgumentOutOfRangeException(nameof(iterations), iterations, "The number of WL iterations must lie in [0, 10].");
        Iterations = iterations;
    }

    /// <summary>The number of refinements h; features come from h + 1 iterations (0 … h).</summary>
    public int Iterations { get; }

    /// <summary>The number of distinct labels issued so far.</summary>
    public int LabelCount
    {
        get
        {
            lock (_lock) return _labels.Count;
        }
    }

    /// <summary>A readable description of a label id: the original label at iteration 0, else the refinement
    /// signature <c>label(predecessor labels)</c> in ids of the previous iteration.</summary>
    public string Describe(int id)
    {
        lock (_lock)
        {
            if (id < 0 || id >= _labels.Count) throw new ArgumentOutOfRangeException(nameof(id), id, $"Label ids lie in [0, {_labels.Count - 1}].");
            return $"h{_labels[id].Iteration}:{_labels[id].Label}";
        }
    }

    /// <summary>The WL features of <paramref name="graph"/>.</summary>
    public WeisfeilerLehmanFeatureVector Extract(ArchitectureGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var predecessors = new List<int>[n];
        for (var v = 0; v < n; v++) predecessors[v] = [];
        foreach (var e in graph.Edges) predecessors[e.To].Add(e.From);

        var counts = new SortedDictionary<int, (double Count, int Iteration)>();
        var labels = new int[n];
        for (var v = 0; v < n; v++) labels[v] = Count(counts, graph.NodeLabels[v], 0);
        var next = new int[n];
        for (var h = 1; h <= Iterations; h++)
        {
            for (var v = 0; v < n; v++)
            {
                var incoming = predecessors[v].Select(u => labels[u]).Order();
                next[v] = Count(counts, $"{labels[v]}({string.Join(",", incoming)})", h);
            }
            (labels, next) = (next, labels);
        }
        return new WeisfeilerLehmanFeatureVector(
            counts.Keys.ToArray(), counts.Values.Select(c => c.Count).ToArray(), counts.Values.Select(c => c.Iteration).ToArray(), Iterations + 1);
    }

    private int Count(SortedDictionary<int, (double Count, int Iteration)> counts, string label, int iteration)
    {
        var id = Id(label, iteration);
        counts[id] = counts.TryGetValue(id, out var c) ? (c.Count + 1, iteration) : (1, iteration);
        return id;
    }

    private int Id(string label, int iteration)
    {
        // The iteration is part of the key: an original label that happens to look like a signature stays distinct.
        var key = $"{iteration}|{label}";
        lock (_lock)
        {
            if (_ids.TryGetValue(key, out var id)) return id;
            id = _labels.Count;
            _ids.Add(key, id);
            _labels.Add((label, iteration));
            return id;
        }
    }
}
