namespace Microsoft.ML.NasTuners.TorchSharp.Tests;

public class ArchitectureEncodingTests
{
    private static readonly CnnArchitecture Example = new(
        [
            new CnnStage(2, 32, 3, CnnBlockType.Plain, CnnActivation.ReLU, BatchNorm: true),
            new CnnStage(1, 64, 5, CnnBlockType.Residual, CnnActivation.GELU, BatchNorm: false, CnnDownsampling.Stride2),
            new CnnStage(1, 64, 3, CnnBlockType.DepthwiseSeparable, CnnActivation.SiLU, BatchNorm: true, CnnDownsampling.MaxPool),
        ],
        new CnnHead(0.25, 128));

    [Fact]
    public void Architecture_string_is_stable_and_readable()
    {
        Example.ToArchitectureString().Should().Be(
            "plain3x3-c32-relu-bn plain3x3-c32-relu-bn res5x5/s2-c64-gelu maxpool sep3x3-c64-silu-bn gap fc128-silu dropout0.25 classifier");
        (Example with { }).ToArchitectureString().Should().Be(Example.ToArchitectureString());
    }

    [Fact]
    public void Graph_labels_operations_and_follows_the_data_including_the_shortcut()
    {
        var graph = Example.ToGraph(new CnnInputShape(1, 8, 8));
        graph.Nodes[0].Operation.Should().Be("input");
        graph.Nodes[^1].Operation.Should().Be("output");
        graph.Nodes.Select(n => n.Id).Should().Equal(Enumerable.Range(0, graph.Nodes.Count));
        graph.Edges.Should().OnlyContain(e => e.From < e.To, "nodes are in execution order");
        var add = graph.Nodes.Single(n => n.Operation == "add");
        graph.Predecessors(add.Id).Should().HaveCount(2);
        graph.Predecessors(add.Id).Select(p => graph.Nodes[p].Operation).Should().Contain("conv1x1/s2", "the strided block projects its shortcut");
        graph.Nodes.Select(n => n.Operation).Should().ContainInOrder("conv3x3", "batchnorm", "relu", "conv5x5/s2", "gelu", "maxpool2x2", "dwconv3x3", "conv1x1", "global_avg_pool", "linear", "silu", "dropout", "linear");
        Example.ToGraph(new CnnInputShape(1, 8, 8)).ToString().Should().Be(graph.ToString());
    }

    [Fact]
    public void Graph_for_a_1x1_input_leaves_out_the_skipped_downsampling()
    {
        var ops = Example.ToGraph(new CnnInputShape(1, 1, 1)).Nodes.Select(n => n.Operation).ToList();
        ops.Should().NotContain("maxpool2x2").And.NotContain(o => o.EndsWith("/s2"));
        Example.ToGraph().Nodes.Should().Contain(n => n.Operation == "maxpool2x2");
    }
}
