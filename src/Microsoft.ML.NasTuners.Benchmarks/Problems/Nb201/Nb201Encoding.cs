using Microsoft.ML.NasTuners.Architectures;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// The architecture encoding of a NAS-Bench-201 cell (a point of <see cref="Nb201Cell.CreateSearchSpace"/>).
/// <list type="bullet">
/// <item><b>Tokens</b>: the architecture string's own tokens (see <see cref="ToTokens(Nb201Cell)"/>).</item>
/// <item><b>Graph</b>: operations on nodes, as NAS-BOWL does (Ru et al., ICLR 2021): an <c>input</c> node, one node per
/// edge that carries a computing operation (<see cref="Nb201Operations.Computing"/>), and an <c>output</c> node.
/// <c>none</c> edges vanish; a <c>skip_connect</c> edge i→j is contracted, so whatever feeds cell node i feeds cell
/// node j directly. An operation node on edge i→j takes its data from everything that feeds cell node i (the input for
/// node 0); the output takes everything that feeds cell node 3. Operation nodes that do not reach the output, or that
/// the input does not reach (they would compute on zeros), are dropped. An edge says that data flows, not how often:
/// two skip paths from the same source give one edge.</item>
/// <item><b>Canonical key</b>: by default <see cref="CanonicalKey(Nb201Cell)"/>, the benchmark's own classes; with
/// <see cref="Nb201Equivalence.Functional"/>, <see cref="FunctionalKey(Nb201Cell)"/>.</item>
/// </list>
/// </summary>
/// <param name="equivalence">Which cells share a canonical key. Default <see cref="Nb201Equivalence.Benchmark"/>.</param>
public sealed class Nb201Encoding(Nb201Equivalence equivalence = Nb201Equivalence.Benchmark) : IArchitectureEncoding
{
    /// <summary>The label of the graph's first node.</summary>
    public const string InputLabel = "input";

    /// <summary>The label of the graph's last node.</summary>
    public const string OutputLabel = "output";

    /// <summary>The token between the edge groups of two nodes, as <c>+</c> in the architecture string.</summary>
    public const string GroupSeparator = "+";

    // The canonical key's token for a zero tensor (a none edge, or an operation applied to a zero node).
    private const string Zero = "#";

    /// <inheritdoc />
    public IReadOnlyList<string> ToTokens(Parameter parameter) => ToTokens(Nb201Cell.FromParameter(parameter));

    /// <summary>The tokens of the architecture string of <paramref name="cell"/>: <c>operation~source</c> for each edge
    /// and <c>+</c> between the groups of edges into nodes 1, 2 and 3, eight tokens in all.</summary>
    /// <remarks>Operation names alone let the string kernel match a convolution on the first edge with one on the last;
    /// the source node and the group boundaries tell it where an operation sits. On NAS-Bench-201 (seeds 101–120, 50
    /// queries) that took the string-kernel GP to the best cell in 18/20 seeds on CIFAR-10 and 17/20 on CIFAR-100,
    /// against 3/20 and 7/20 with operation names alone.</remarks>
    public static IReadOnlyList<string> ToTokens(Nb201Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var tokens = new List<string>(Nb201Cell.Edges.Count + Nb201Cell.NodeCount - 2);
        for (var e = 0; e < Nb201Cell.Edges.Count; e++)
        {
            var (from, to) = Nb201Cell.Edges[e];
            if (from == 0 && to > 1) tokens.Add(GroupSeparator);
            tokens.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{cell.Operations[e]}~{from}"));
        }
        return tokens;
    }

    /// <inheritdoc />
    public ArchitectureGraph ToGraph(Parameter parameter) => ToGraph(Nb201Cell.FromParameter(parameter));

    /// <summary>Which cells share a canonical key.</summary>
    public Nb201Equivalence Equivalence { get; } = Enum.IsDefined(equivalence)
        ? equivalence
        : throw new ArgumentOutOfRangeException(nameof(equivalence), equivalence, $"equivalence must be one of {string.Join(", ", Enum.GetNames<Nb201Equivalence>())}.");

    /// <inheritdoc />
    public string CanonicalKey(Parameter parameter)
    {
        var cell = Nb201Cell.FromParameter(parameter);
        return Equivalence == Nb201Equivalence.Functional ? FunctionalKey(cell) : CanonicalKey(cell);
    }

    /// <summary>The operations-on-nodes graph of <paramref name="cell"/> (see the class remarks).</summary>
    public static ArchitectureGraph ToGraph(Nb201Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        // Build every candidate node first, in the string's edge order: an edge i->j comes after every edge into i,
        // so that order is topological and what feeds node i is complete when edge i->j is read.
        var labels = new List<string> { InputLabel };
        var inputs = new List<int[]> { Array.Empty<int>() };
        var feeders = new List<int>[Nb201Cell.NodeCount];
        for (var n = 0; n < feeders.Length; n++) feeders[n] = [];
        feeders[0].Add(0);
        for (var e = 0; e < Nb201Cell.Edges.Count; e++)
        {
            var (from, to) = Nb201Cell.Edges[e];
            var operation = cell.Operations[e];
            if (operation == Nb201Operations.SkipConnect)
            {
                feeders[to].AddRange(feeders[from]);
            }
            else if (Nb201Operations.IsComputing(operation))
            {
                labels.Add(operation);
                inputs.Add(feeders[from].Distinct().ToArray());
                feeders[to].Add(labels.Count - 1);
            }
        }
        labels.Add(OutputLabel);
        inputs.Add(feeders[Nb201Cell.NodeCount - 1].Distinct().ToArray());
        return Pruned(labels, inputs);
    }

    /// <summary>
    /// A key equal for two cells exactly when NATS-Bench's <c>UniqueString</c> is equal (6,466 classes over the
    /// 15,625 cells): the cell's output unfolded into an expression over the input <c>0</c>. An edge i→j contributes
    /// <c>(x)@op</c> for a computing operation on node i's expression x, x itself for <c>skip_connect</c>, and the
    /// zero token <c>#</c> for <c>none</c> or for any operation on a node whose expression is exactly <c>#</c>; a node's
    /// expression joins its edges' terms with <c>+</c> in ordinal order.
    /// </summary>
    /// <remarks>
    /// This is the benchmark's own notion of "the same cell", so that the key's classes are the table's. It is finer
    /// than functional identity in three ways, all kept on purpose to match the table: a zero term stays in its sum
    /// (<c>#+0</c> is not <c>0</c>), a sum of zeros is not zero (<c>(#+#)@nor_conv_3x3</c> is not <c>#</c>), and the sum a
    /// skip connection carries is sorted as one term rather than merged into the outer sum. Dropping zeros and merging
    /// sums would give 4,930 classes; every one of the 6,466 lies inside one of them.
    /// </remarks>
    public static string CanonicalKey(Nb201Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var expressions = new string[Nb201Cell.NodeCount];
        expressions[0] = "0";
        var terms = new List<string>(Nb201Cell.NodeCount);
        var e = 0;
        for (var to = 1; to < Nb201Cell.NodeCount; to++)
        {
            terms.Clear();
            for (var from = 0; from < to; from++, e++)
            {
                var operation = cell.Operations[e];
                var source = expressions[from];
                terms.Add(operation == Nb201Operations.None || source == Zero ? Zero
                    : operation == Nb201Operations.SkipConnect ? source
                    : $"({source})@{operation}");
            }
            terms.Sort(StringComparer.Ordinal);
            expressions[to] = string.Join('+', terms);
        }
        return expressions[^1];
    }

    /// <summary>
    /// A key equal for two cells exactly when they compute the same expression of the input <c>0</c> (4,930 classes):
    /// the output is the multiset of operation chains applied to the input, each operation applied to the merged,
    /// sorted sum its source node receives. <c>none</c> edges add nothing, a skip connection adds its source's terms to
    /// the sum, and an operation on a node that receives nothing is dropped. A cell whose output receives nothing has
    /// the key <c>#</c>.
    /// </summary>
    /// <remarks>Two caveats, shared with <see cref="CanonicalKey(Nb201Cell)"/>: the expression does not say whether
    /// two equal sub-terms are one node or two with their own weights, and a convolution on zeros is not exactly zero
    /// in the trained network (its batch norm adds a learned shift), which this key ignores.</remarks>
    public static string FunctionalKey(Nb201Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var terms = new List<string>[Nb201Cell.NodeCount];
        terms[0] = ["0"];
        for (var n = 1; n < terms.Length; n++) terms[n] = [];
        for (var e = 0; e < Nb201Cell.Edges.Count; e++)
        {
            var (from, to) = Nb201Cell.Edges[e];
            var operation = cell.Operations[e];
            if (operation == Nb201Operations.None || terms[from].Count == 0) continue;
            // Edges into a node come before edges out of it, so terms[from] is complete here; sorted, it is canonical.
            terms[from].Sort(StringComparer.Ordinal);
            if (operation == Nb201Operations.SkipConnect) terms[to].AddRange(terms[from]);
            else terms[to].Add($"({string.Join('+', terms[from])})@{operation}");
        }
        var output = terms[^1];
        output.Sort(StringComparer.Ordinal);
        return output.Count == 0 ? Zero : string.Join('+', output);
    }

    // Keeps the input, the output, and the operation nodes on some input-to-output path, renumbered in order.
    private static ArchitectureGraph Pruned(List<string> labels, List<int[]> inputs)
    {
        var count = labels.Count;
        var fromInput = new bool[count];
        fromInput[0] = true;
        for (var n = 1; n < count; n++)
            fromInput[n] = inputs[n].Any(p => fromInput[p]);
        var toOutput = new bool[count];
        toOutput[count - 1] = true;
        for (var n = count - 1; n > 0; n--)
        {
            if (!toOutput[n]) continue;
            foreach (var p in inputs[n]) toOutput[p] = true;
        }

        var newIndex = new int[count];
        var keptLabels = new List<string>();
        for (var n = 0; n < count; n++)
        {
            var kept = n == 0 || n == count - 1 || (fromInput[n] && toOutput[n]);
            newIndex[n] = kept ? keptLabels.Count : -1;
            if (kept) keptLabels.Add(labels[n]);
        }
        var edges = new List<ArchitectureEdge>();
        for (var n = 1; n < count; n++)
        {
            if (newIndex[n] < 0) continue;
            foreach (var p in inputs[n])
            {
                if (newIndex[p] >= 0) edges.Add(new ArchitectureEdge(newIndex[p], newIndex[n]));
            }
        }
        return new ArchitectureGraph(keptLabels, edges);
    }
}
