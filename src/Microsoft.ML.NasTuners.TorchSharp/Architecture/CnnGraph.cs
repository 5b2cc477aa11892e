namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>An architecture as a labelled directed acyclic graph (for graph kernels): nodes are operations in the
/// order they run, edges follow the data. The same architecture always gives the same graph.</summary>
public sealed class CnnGraph
{
    internal CnnGraph(IReadOnlyList<CnnGraphNode> nodes, IReadOnlyList<CnnGraphEdge> edges)
    {
        Nodes = nodes;
        Edges = edges;
    }

    /// <summary>The nodes, in topological (execution) order; node 0 is the input, the last node the output.</summary>
    public IReadOnlyList<CnnGraphNode> Nodes { get; }

    /// <summary>The edges, sorted by target then source.</summary>
    public IReadOnlyList<CnnGraphEdge> Edges { get; }

    /// <summary>The ids of the nodes that feed <paramref name="node"/>.</summary>
    public IEnumerable<int> Predecessors(int node) => Edges.Where(e => e.To == node).Select(e => e.From);

    /// <summary>The ids of the nodes that <paramref name="node"/> feeds.</summary>
    public IEnumerable<int> Successors(int node) => Edges.Where(e => e.From == node).Select(e => e.To);

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(" ", Nodes.Select(n => $"{n.Id}:{n.Operation}")) + " | " + string.Join(" ", Edges.Select(e => $"{e.From}->{e.To}"));
}
