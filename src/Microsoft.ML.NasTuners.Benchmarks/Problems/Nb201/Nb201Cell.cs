using System.Text;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// A NAS-Bench-201 cell: four nodes (0 is the cell's input, 3 its output), and on each of the six edges i→j (i &lt; j)
/// one of the five <see cref="Nb201Operations"/>. Node j sums its incoming edges' outputs. The edges are kept in the
/// order of the architecture string <c>|op~0|+|op~0|op~1|+|op~0|op~1|op~2|</c>: (0→1), (0→2), (1→2), (0→3), (1→3),
/// (2→3).
/// </summary>
public sealed class Nb201Cell : IEquatable<Nb201Cell>
{
    /// <summary>The number of nodes of a cell.</summary>
    public const int NodeCount = 4;

    /// <summary>The six edges (source node, target node), in the order of the architecture string.</summary>
    public static IReadOnlyList<(int From, int To)> Edges { get; } = [(0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3)];

    /// <summary>The search-space keys of the six edges, in the order of <see cref="Edges"/>: <c>to1_from0</c>,
    /// <c>to2_from0</c>, ... Ordinal key order equals string order, so the model view lists them in that order.</summary>
    public static IReadOnlyList<string> EdgeKeys { get; } = Edges.Select(e => $"to{e.To}_from{e.From}").ToArray();

    private readonly string[] _operations;

    /// <summary>Creates a cell.</summary>
    /// <param name="operations">Six operation names in the order of <see cref="Edges"/>.</param>
    /// <exception cref="ArgumentException">Not six operations, or one is not an <see cref="Nb201Operations"/> name.</exception>
    public Nb201Cell(IReadOnlyList<string> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count != Edges.Count)
            throw new ArgumentException($"A cell has {Edges.Count} edges; got {operations.Count} operations.", nameof(operations));
        _operations = new string[Edges.Count];
        for (var e = 0; e < _operations.Length; e++)
        {
            _operations[e] = Nb201Operations.All.Contains(operations[e])
                ? operations[e]
                : throw new ArgumentException(
                    $"Edge {EdgeKeys[e]} has operation '{operations[e]}'; allowed: {string.Join(", ", Nb201Operations.All)}.", nameof(operations));
        }
    }

    /// <summary>The six operations, in the order of <see cref="Edges"/>.</summary>
    public IReadOnlyList<string> Operations => _operations;

    /// <summary>The operation on edge <paramref name="from"/>→<paramref name="to"/>.</summary>
    public string Operation(int from, int to)
    {
        for (var e = 0; e < Edges.Count; e++)
        {
            if (Edges[e] == (from, to)) return _operations[e];
        }
        throw new ArgumentOutOfRangeException(nameof(to), $"No edge {from}->{to}: need 0 <= from < to <= 3.");
    }

    /// <summary>The search space of cells: one categorical over <see cref="Nb201Operations.All"/> per edge, keyed by
    /// <see cref="EdgeKeys"/>.</summary>
    public static SearchSpace CreateSearchSpace()
    {
        var space = new SearchSpace();
        foreach (var key in EdgeKeys)
            space[key] = new ChoiceOption(Nb201Operations.All.Cast<object>().ToArray());
        return space;
    }

    /// <summary>Reads a cell from a point of <see cref="CreateSearchSpace"/>.</summary>
    /// <exception cref="ArgumentException">A key is missing or holds something other than an operation name.</exception>
    public static Nb201Cell FromParameter(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var operations = new string[Edges.Count];
        for (var e = 0; e < operations.Length; e++)
        {
            var key = EdgeKeys[e];
            if (!parameter.TryGetValue(key, out var value))
                throw new ArgumentException($"The parameter has no '{key}'; a cell needs {string.Join(", ", EdgeKeys)}.", nameof(parameter));
            operations[e] = value.Type == ParameterType.String && Nb201Operations.All.Contains(value.AsString())
                ? value.AsString()
                : throw new ArgumentException($"'{key}' is {value}; allowed: {string.Join(", ", Nb201Operations.All)}.", nameof(parameter));
        }
        return new Nb201Cell(operations);
    }

    /// <summary>The cell as a point of <see cref="CreateSearchSpace"/>.</summary>
    public Parameter ToParameter() => Parameter.CreateNestedParameter(
        EdgeKeys.Select((key, e) => KeyValuePair.Create(key, Parameter.FromString(_operations[e]))).ToArray());

    /// <summary>Parses an architecture string such as
    /// <c>|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|</c>.</summary>
    /// <exception cref="FormatException">The string is not a NAS-Bench-201 architecture string.</exception>
    public static Nb201Cell Parse(string architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var nodes = architecture.Split('+');
        if (nodes.Length != NodeCount - 1)
            throw new FormatException($"'{architecture}' is not an architecture string: need 3 node groups joined by '+'.");
        var operations = new List<string>(Edges.Count);
        for (var j = 1; j < NodeCount; j++)
        {
            var group = nodes[j - 1];
            if (group.Length < 2 || group[0] != '|' || group[^1] != '|')
                throw new FormatException($"'{architecture}': node group '{group}' must start and end with '|'.");
            var inputs = group[1..^1].Split('|');
            if (inputs.Length != j)
                throw new FormatException($"'{architecture}': node {j} needs {j} inputs, got {inputs.Length}.");
            for (var i = 0; i < j; i++)
            {
                var parts = inputs[i].Split('~');
                if (parts.Length != 2 || parts[1] != i.ToString(System.Globalization.CultureInfo.InvariantCulture) || !Nb201Operations.All.Contains(parts[0]))
                    throw new FormatException($"'{architecture}': input '{inputs[i]}' of node {j} must be 'operation~{i}' with an operation among {string.Join(", ", Nb201Operations.All)}.");
                operations.Add(parts[0]);
            }
        }
        return new Nb201Cell(operations);
    }

    /// <summary>The architecture string, for example <c>|nor_conv_3x3~0|+|none~0|skip_connect~1|+|...|</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        var e = 0;
        for (var j = 1; j < NodeCount; j++)
        {
            if (j > 1) text.Append('+');
            text.Append('|');
            for (var i = 0; i < j; i++, e++)
                text.Append(_operations[e]).Append('~').Append(i).Append('|');
        }
        return text.ToString();
    }

    /// <inheritdoc />
    public bool Equals(Nb201Cell? other) => other is not null && _operations.SequenceEqual(other._operations);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Nb201Cell other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _operations.Aggregate(17, (h, op) => HashCode.Combine(h, op));
}
