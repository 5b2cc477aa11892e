namespace Microsoft.ML.NasTuners.Architectures;

/// <summary>A directed edge of an <see cref="ArchitectureGraph"/>, from an earlier node to a later one.</summary>
/// <param name="From">The index of the source node.</param>
/// <param name="To">The index of the target node; always greater than <paramref name="From"/>.</param>
public readonly record struct ArchitectureEdge(int From, int To);
