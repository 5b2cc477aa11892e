namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>A node of an architecture's graph: one operation.</summary>
/// <param name="Id">Index of the node in <see cref="CnnGraph.Nodes"/>.</param>
/// <param name="Operation">The operation label, for example <c>conv3x3</c>, <c>conv5x5/s2</c>, <c>dwconv3x3</c>,
/// <c>conv1x1</c>, <c>batchnorm</c>, <c>relu</c>, <c>gelu</c>, <c>silu</c>, <c>maxpool2x2</c>, <c>add</c>,
/// <c>global_avg_pool</c>, <c>linear</c>, <c>dropout</c>, <c>input</c>, <c>output</c>.</param>
/// <param name="Channels">The number of channels (or features) the node outputs; 0 when the class count is not
/// known (the output layer).</param>
public sealed record CnnGraphNode(int Id, string Operation, int Channels);
