using Microsoft.ML.NasTuners.Architectures;
using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public class Nb201EncodingTests
{
    private static readonly Nb201Encoding Encoding = new();

    private static Parameter Cell(string architecture) => Nb201Cell.Parse(architecture).ToParameter();

    private static string[] EdgeList(ArchitectureGraph graph) => graph.Edges.Select(e => $"{e.From}->{e.To}").ToArray();

    [Fact]
    public void Tokens_are_the_architecture_strings_own_tokens()
    {
        const string architecture = "|nor_conv_3x3~0|+|none~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|none~2|";
        var tokens = Encoding.ToTokens(Cell(architecture));

        tokens.Should().Equal("nor_conv_3x3~0", "+", "none~0", "avg_pool_3x3~1", "+", "skip_connect~0", "nor_conv_1x1~1", "none~2");
        ("|" + string.Join("|", tokens) + "|").Should().Be(architecture);
    }

    [Fact]
    public void Tokens_tell_where_an_operation_sits()
    {
        var first = Encoding.ToTokens(Cell("|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|"));
        var last = Encoding.ToTokens(Cell("|none~0|+|none~0|none~1|+|none~0|none~1|nor_conv_3x3~2|"));

        first.Should().NotIntersectWith(last.Where(t => t.StartsWith("nor_conv", StringComparison.Ordinal)));
    }

    [Fact]
    public void Graph_puts_operations_on_nodes_and_contracts_skip_connections()
    {
        // node1 = c3(x); node2 = c3(x) + avg(node1); node3 = x + c3(node1) + node2.
        var graph = Encoding.ToGraph(Cell("|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|"));
        graph.NodeLabels.Should().Equal("input", "nor_conv_3x3", "nor_conv_3x3", "avg_pool_3x3", "nor_conv_3x3", "output");
        EdgeList(graph).Should().BeEquivalentTo("0->1", "0->2", "1->3", "1->4", "0->5", "4->5", "2->5", "3->5");
    }

    [Fact]
    public void Graph_drops_none_edges_and_operations_off_every_input_to_output_path()
    {
        // Node 2 receives nothing, so the conv on 2->3 computes on zeros; the conv on 0->1 feeds only a none edge.
        var graph = Encoding.ToGraph(Cell("|nor_conv_3x3~0|+|none~0|none~1|+|avg_pool_3x3~0|nor_conv_1x1~1|nor_conv_3x3~2|"));
        graph.NodeLabels.Should().Equal("input", "nor_conv_3x3", "avg_pool_3x3", "nor_conv_1x1", "output");
        EdgeList(graph).Should().BeEquivalentTo("0->1", "0->2", "1->3", "2->4", "3->4");

        var deadEnd = Encoding.ToGraph(Cell("|nor_conv_3x3~0|+|avg_pool_3x3~0|none~1|+|none~0|none~1|skip_connect~2|"));
        deadEnd.NodeLabels.Should().Equal("input", "avg_pool_3x3", "output");
        EdgeList(deadEnd).Should().Equal("0->1", "1->2");
    }

    [Fact]
    public void Graph_of_an_empty_cell_has_no_edges_and_of_an_identity_cell_one()
    {
        var empty = Encoding.ToGraph(Cell("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"));
        empty.NodeLabels.Should().Equal("input", "output");
        empty.Edges.Should().BeEmpty();
        var identity = Encoding.ToGraph(Cell("|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|"));
        identity.NodeLabels.Should().Equal("input", "output");
        EdgeList(identity).Should().Equal("0->1");
    }

    [Fact]
    public void Isomorphic_cells_share_a_key_and_different_ones_do_not()
    {
        // Swapping the roles of nodes 1 and 2 is impossible in a 4-node chain, but a conv reached by a skip path is
        // the same as the conv itself: x -> conv3 -> out, directly or through node 1.
        var direct = Cell("|none~0|+|none~0|none~1|+|nor_conv_3x3~0|none~1|none~2|");
        var throughNode1 = Cell("|nor_conv_3x3~0|+|none~0|none~1|+|none~0|skip_connect~1|none~2|");
        Encoding.CanonicalKey(direct).Should().Be(Encoding.CanonicalKey(throughNode1));
        Encoding.CanonicalKey(direct).Should().Be("#+#+(0)@nor_conv_3x3");
        var other = Cell("|none~0|+|none~0|none~1|+|nor_conv_1x1~0|none~1|none~2|");
        Encoding.CanonicalKey(other).Should().NotBe(Encoding.CanonicalKey(direct));
    }

    [DataFact("nb201")]
    public void Keys_partition_all_15625_cells_exactly_as_the_tables_unique_strings()
    {
        var cells = Nb201Table.Load().Cells;
        cells.Should().HaveCount(15_625);
        var keyToUnique = new Dictionary<string, HashSet<string>>();
        var uniqueToKey = new Dictionary<string, HashSet<string>>();
        foreach (var record in cells)
        {
            var key = Encoding.CanonicalKey(record.Cell.ToParameter());
            (keyToUnique.TryGetValue(key, out var u) ? u : keyToUnique[key] = []).Add(record.UniqueString);
            (uniqueToKey.TryGetValue(record.UniqueString, out var k) ? k : uniqueToKey[record.UniqueString] = []).Add(key);
        }
        keyToUnique.Should().HaveCount(6_466);
        uniqueToKey.Should().HaveCount(6_466);
        keyToUnique.Values.Should().OnlyContain(s => s.Count == 1, "no key joins two of the table's classes");
        uniqueToKey.Values.Should().OnlyContain(s => s.Count == 1, "no class of the table is split by the key");
    }

    [DataFact("nb201")]
    public void Path_encodings_of_the_graphs_are_equal_within_each_isomorphism_class()
    {
        // Three computing operations and paths of up to three of them (the longest in a 4-node cell): 1 + 3 + 9 + 27.
        var paths = new PathEncoding(Nb201Operations.Computing, 3);
        paths.Length.Should().Be(40);
        var classes = Nb201Table.Load().Cells.GroupBy(r => Nb201Encoding.CanonicalKey(r.Cell)).ToList();
        classes.Should().HaveCount(6_466);
        foreach (var group in classes)
        {
            var first = paths.Encode(Nb201Encoding.ToGraph(group.First().Cell));
            foreach (var record in group.Skip(1))
                paths.Encode(Nb201Encoding.ToGraph(record.Cell)).Should().Equal(first, $"{record.Cell} and {group.First().Cell} share the key {group.Key}");
        }
        classes.Select(g => string.Join(",", paths.Encode(Nb201Encoding.ToGraph(g.First().Cell)))).Distinct().Count()
            .Should().BeGreaterThan(1000, "the encoding still tells most classes apart");
    }

    [Fact]
    public void Functional_key_drops_zeros_and_merges_sums()
    {
        // x -> conv3 -> out through node 1, node 2 and a skip chain, or straight: one function.
        var direct = Nb201Cell.Parse("|none~0|+|none~0|none~1|+|nor_conv_3x3~0|none~1|none~2|");
        var chained = Nb201Cell.Parse("|nor_conv_3x3~0|+|none~0|skip_connect~1|+|none~0|none~1|skip_connect~2|");
        Nb201Encoding.CanonicalKey(chained).Should().NotBe(Nb201Encoding.CanonicalKey(direct), "the benchmark keeps the zero terms");
        Nb201Encoding.FunctionalKey(chained).Should().Be(Nb201Encoding.FunctionalKey(direct)).And.Be("(0)@nor_conv_3x3");
        // An operation on a node that receives nothing computes nothing.
        Nb201Encoding.FunctionalKey(Nb201Cell.Parse("|none~0|+|none~0|nor_conv_1x1~1|+|none~0|avg_pool_3x3~1|nor_conv_3x3~2|")).Should().Be("#");
        var functional = new Nb201Encoding(Nb201Equivalence.Functional);
        functional.CanonicalKey(chained.ToParameter()).Should().Be(functional.CanonicalKey(direct.ToParameter()));
        Encoding.Equivalence.Should().Be(Nb201Equivalence.Benchmark);
        FluentActions.Invoking(() => new Nb201Encoding((Nb201Equivalence)5)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Benchmark, Functional*");
    }

    [DataFact("nb201")]
    public void Functional_classes_are_coarser_than_the_benchmarks_4930_against_6466()
    {
        var records = Nb201Table.Load().Cells;
        var functionalOfUnique = records.GroupBy(r => r.UniqueString)
            .Select(g => g.Select(r => Nb201Encoding.FunctionalKey(r.Cell)).Distinct().Count());
        functionalOfUnique.Should().OnlyContain(n => n == 1, "each benchmark class lies inside one functional class");
        records.Select(r => Nb201Encoding.FunctionalKey(r.Cell)).Distinct().Should().HaveCount(4_930);
    }
}
