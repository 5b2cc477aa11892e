using Microsoft.ML.NasTuners.Architectures;

namespace Microsoft.ML.NasTuners.Tests.Architectures;

public class PathEncodingTests
{
    private static readonly string[] Ops = ["conv1x1", "conv3x3", "pool"];

    private static ArchitectureGraph Graph(string[] labels, params (int From, int To)[] edges) =>
        new(labels, edges.Select(e => new ArchitectureEdge(e.From, e.To)));

    [Theory]
    [InlineData(3, 0, 1)]
    [InlineData(3, 3, 1 + 3 + 9 + 27)]
    [InlineData(5, 2, 1 + 5 + 25)]
    [InlineData(1, 4, 5)]
    public void Length_is_the_sum_over_path_lengths_of_the_vocabulary_to_that_power(int operations, int maxLength, int expected)
    {
        var vocabulary = Enumerable.Range(0, operations).Select(i => $"op{i}").ToArray();
        new PathEncoding(vocabulary, maxLength).Length.Should().Be(expected);
        PathEncoding.LengthFor(operations, maxLength).Should().Be(expected);
        new PathEncoding(vocabulary, maxLength).Encode(Graph(["input", "output"], (0, 1))).Should().HaveCount(expected);
    }

    [Fact]
    public void Features_flag_each_input_to_output_path_by_its_operations()
    {
        // input -> conv3x3 -> pool -> output, input -> conv1x1 -> output, and input -> output directly.
        var graph = Graph(["input", "conv3x3", "conv1x1", "pool", "output"], (0, 1), (1, 3), (3, 4), (0, 2), (2, 4), (0, 4));
        var encoding = new PathEncoding(Ops, 3);
        var features = encoding.Encode(graph);
        var expected = new[] { encoding.IndexOf([]), encoding.IndexOf(["conv1x1"]), encoding.IndexOf(["conv3x3", "pool"]) };
        features.Select((v, i) => (v, i)).Where(p => p.v != 0).Select(p => p.i).Should().BeEquivalentTo(expected);
        encoding.IndexOf([]).Should().Be(0);
        encoding.IndexOf(["conv1x1"]).Should().Be(1);
        encoding.IndexOf(["conv3x3", "pool"]).Should().Be(1 + 3 + (1 * 3 + 2));
    }

    [Fact]
    public void Renumbering_the_nodes_of_a_graph_does_not_change_its_encoding()
    {
        var a = Graph(["input", "conv3x3", "pool", "conv1x1", "output"], (0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (1, 4));
        // The same graph with the two middle branches swapped in the numbering.
        var b = Graph(["input", "pool", "conv3x3", "conv1x1", "output"], (0, 2), (0, 1), (2, 3), (1, 3), (3, 4), (2, 4));
        var encoding = new PathEncoding(Ops, 3);
        encoding.Encode(a).Should().Equal(encoding.Encode(b));
        var different = Graph(["input", "conv3x3", "pool", "conv1x1", "output"], (0, 1), (1, 2), (2, 3), (3, 4));
        encoding.Encode(different).Should().NotEqual(encoding.Encode(a));
    }

    [Fact]
    public void Counts_paths_when_asked_and_leaves_out_paths_longer_than_the_maximum()
    {
        // Two routes input -> conv3x3 -> output through different nodes, and one path of three operations.
        var graph = Graph(["input", "conv3x3", "conv3x3", "conv1x1", "pool", "output"], (0, 1), (0, 2), (1, 5), (2, 5), (0, 3), (3, 4), (4, 5));
        var counting = new PathEncoding(Ops, 1, countPaths: true);
        var counts = counting.Encode(graph);
        counts[counting.IndexOf(["conv3x3"])].Should().Be(2);
        counts.Sum().Should().Be(2, "the path conv1x1 -> pool passes two operations, more than the maximum of 1");
        new PathEncoding(Ops, 1).Encode(graph)[counting.IndexOf(["conv3x3"])].Should().Be(1);
    }

    [Fact]
    public void Bad_vocabularies_lengths_and_labels_are_rejected()
    {
        FluentActions.Invoking(() => new PathEncoding([], 2)).Should().Throw<ArgumentException>().WithMessage("*at least one*");
        FluentActions.Invoking(() => new PathEncoding(["a", "a"], 2)).Should().Throw<ArgumentException>().WithMessage("*'a' appears twice*");
        FluentActions.Invoking(() => new PathEncoding(Ops, -1)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*maxPathLength*at least 0*");
        FluentActions.Invoking(() => new PathEncoding(Ops, 40)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*maxPathLength*");
        FluentActions.Invoking(() => new PathEncoding(Ops, 2).Encode(Graph(["input", "conv5x5", "output"], (0, 1), (1, 2))))
            .Should().Throw<ArgumentException>().WithMessage("*'conv5x5'*conv1x1, conv3x3, pool*");
        FluentActions.Invoking(() => new PathEncoding(Ops, 1).IndexOf(["pool", "pool"])).Should().Throw<ArgumentException>().WithMessage("*at most 1*");
    }
}
