using Microsoft.ML.NasTuners.Architectures;

namespace Microsoft.ML.NasTuners.Tests.Architectures;

public class WeisfeilerLehmanFeaturesTests
{
    // input -> a -> output and input -> b -> output, with a and b numbered in either order.
    private static ArchitectureGraph Diamond(string first, string second) => new(
        ["input", first, second, "output"],
        [new(0, 1), new(0, 2), new(1, 3), new(2, 3)]);

    [Fact]
    public void Isomorphic_graphs_get_equal_features()
    {
        var wl = new WeisfeilerLehmanFeatures(2);
        var x = wl.Extract(Diamond("conv3", "pool"));
        var y = wl.Extract(Diamond("pool", "conv3"));

        y.Ids.Should().Equal(x.Ids);
        y.Counts.Should().Equal(x.Counts);
    }

    [Fact]
    public void Graphs_with_the_same_labels_but_different_wiring_get_different_features_from_the_first_refinement_on()
    {
        var wl = new WeisfeilerLehmanFeatures(2);
        var parallel = wl.Extract(Diamond("conv3", "pool"));
        // input -> conv3 -> pool -> output: the same four labels in a chain.
        var chain = wl.Extract(new ArchitectureGraph(["input", "conv3", "pool", "output"], [new(0, 1), new(1, 2), new(2, 3)]));

        var zeroth = Enumerable.Range(0, parallel.Ids.Count).Where(e => parallel.Iterations[e] == 0).Select(e => (parallel.Ids[e], parallel.Counts[e]));
        var zerothChain = Enumerable.Range(0, chain.Ids.Count).Where(e => chain.Iterations[e] == 0).Select(e => (chain.Ids[e], chain.Counts[e]));
        zerothChain.Should().Equal(zeroth);
        chain.Ids.Should().NotEqual(parallel.Ids);
    }

    [Fact]
    public void Features_count_each_label_per_iteration()
    {
        var wl = new WeisfeilerLehmanFeatures(1);
        var f = wl.Extract(Diamond("conv3", "conv3"));

        // Iteration 0: input, conv3 ×2, output; iteration 1: the same counts of refined labels.
        f.SquaredNorms[0].Should().Be(1 + 4 + 1);
        f.SquaredNorms[1].Should().Be(1 + 4 + 1);
        wl.Describe(f.Ids[0]).Should().Be("h0:input");
    }

    [Fact]
    public void Iterations_out_of_range_name_the_parameter() =>
        FluentActions.Invoking(() => new WeisfeilerLehmanFeatures(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("iterations");
}
