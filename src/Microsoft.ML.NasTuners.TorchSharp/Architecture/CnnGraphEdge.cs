namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>A directed edge of an architecture's graph: the output of <see cref="From"/> feeds <see cref="To"/>.</summary>
/// <param name="From">Id of the source node.</param>
/// <param name="To">Id of the target node.</param>
public sealed record CnnGraphEdge(int From, int To);
