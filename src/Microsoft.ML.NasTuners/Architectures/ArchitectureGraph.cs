namespace Microsoft.ML.NasTuners.Architectures;

/// <summary>
/// An architecture as a directed acyclic graph whose nodes carry labels (operations, for example <c>conv3x3</c>) and
/// whose edges carry data. Nodes are numbered in a topological order, so every edge goes from a lower to a higher
/// index; that makes acyclicity a property checked at construction instead of a search.
/// </summary>
public sealed class ArchitectureGraph
{
    private readonly string[] _labels;
    private readonly ArchitectureEdge[] _edges;

    /// <summary>Creates a graph.</summary>
    /// <param name="nodeLabels">One label per node, in topological order; none empty.</param>
    /// <param name="edges">Edges with <c>0 &lt;= From &lt; To &lt; nodeLabels.Count</c>; no duplicates.</param>
    /// <exception cref="ArgumentException">A label is empty, an edge is out of range, goes backwards or repeats.</exception>
    public ArchitectureGraph(IReadOnlyList<string> nodeLabels, IEnumerable<ArchitectureEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(nodeLabels);
        ArgumentNullException.ThrowIfNull(edges);
        _labels = nodeLabels.ToArray();
        for (var i = 0; i < _labels.Length; i++)
        {
            if (string.IsNullOrEmpty(_labels[i]))
                throw new ArgumentException($"Node {i} has an empty label.", nameof(nodeLabels));
        }

        _edges = edges.ToArray();
        var seen = new HashSet<ArchitectureEdge>();
        foreach (var e in _edges)
        {
            if (e.From < 0 || e.To >= _labels.Length || e.From >= e.To)
                throw new ArgumentException(
                    $"Edge {e.From}->{e.To} is invalid: need 0 <= From < To < {_labels.Length} (nodes in topological order).", nameof(edges));
            if (!seen.Add(e)) throw new ArgumentException($"Edge {e.From}->{e.To} appears twice.", nameof(edges));
        }
    }

    /// <summary>The node labels, in topological order.</summary>
    public IReadOnlyList<string> NodeLabels => _labels;

    /// <summary>The edges.</summary>
    public IReadOnlyList<ArchitectureEdge> Edges => _edges;

    /// <summary>The number of nodes.</summary>
    public int NodeCount => _labels.Length;

    /// <summary>The nodes with an edge into <paramref name="node"/>.</summary>
    public IEnumerable<int> Predecessors(int node) => _edges.Where(e => e.To == node).Select(e => e.From);

    /// <summary>The nodes <paramref name="node"/> has an edge to.</summary>
    public IEnumerable<int> Successors(int node) => _edges.Where(e => e.From == node).Select(e => e.To);

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(", ", _labels.Select((l, i) => $"{i}:{l}")) + " | " + string.Join(", ", _edges.Select(e => $"{e.From}->{e.To}"));
}
