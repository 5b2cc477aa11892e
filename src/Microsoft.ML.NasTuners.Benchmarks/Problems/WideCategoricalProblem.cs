namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// A categorical with many choices beside two continuous parameters, the shape of picking one of many items
/// (a vocabulary entry, a pretrained model, a feature subset) and tuning around it:
/// f = (x - 0.3)² + (y - 0.7)² + o(c), x and y in [0, 1], c one of K choices named <c>c0</c> … <c>c{K-1}</c>, with
/// o(c) = frac(((c + ⌊K/3⌋) mod K) φ) for the golden ratio φ. The offsets are spread evenly over [0, 1) but unrelated
/// to the choice's index, so no ordering of the choices helps; f* = 0 at x = 0.3, y = 0.7, c = K - ⌊K/3⌋.
/// </summary>
public sealed class WideCategoricalProblem : IBenchmarkProblem
{
    /// <summary>The key of the categorical.</summary>
    public const string ChoiceKey = "c";

    private static readonly double GoldenRatio = (1 + Math.Sqrt(5)) / 2;
    private readonly int _shift;

    /// <summary>Creates the problem with <paramref name="choices"/> choices (at least 2).</summary>
    public WideCategoricalProblem(int choices)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(choices, 2);
        Choices = choices;
        _shift = choices / 3;
        SearchSpace = new SearchSpace
        {
            ["x"] = new UniformDoubleOption(0, 1),
            ["y"] = new UniformDoubleOption(0, 1),
            [ChoiceKey] = new ChoiceOption(Enumerable.Range(0, choices).Select(i => (object)ChoiceName(i)).ToArray()),
        };
    }

    /// <summary>The number of choices.</summary>
    public int Choices { get; }

    /// <summary>The index of the one choice whose offset is 0.</summary>
    public int BestChoice => (Choices - _shift) % Choices;

    /// <inheritdoc />
    public string Name => $"choice{Choices}";

    /// <inheritdoc />
    public string Description => $"A {Choices}-choice categorical beside two reals in [0,1]; f* = 0 at x=0.3, y=0.7, c=c{BestChoice}";

    /// <inheritdoc />
    public SearchSpace SearchSpace { get; }

    /// <inheritdoc />
    public double OptimalValue => 0;

    /// <inheritdoc />
    public double? MinBudget => null;

    /// <inheritdoc />
    public double? MaxBudget => null;

    /// <summary>The name of choice <paramref name="index"/>.</summary>
    public static string ChoiceName(int index) => $"c{index}";

    /// <summary>o(c): the offset choice <paramref name="index"/> adds to the loss.</summary>
    public double Offset(int index)
    {
        var scaled = ((index + _shift) % Choices) * GoldenRatio;
        return scaled - Math.Floor(scaled);
    }

    /// <inheritdoc />
    public double Evaluate(Parameter parameter, double? budget = null)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (budget is not null)
            throw new ArgumentOutOfRangeException(nameof(budget), budget, $"Problem '{Name}' has a single fidelity: evaluate it without a budget.");
        _ = SearchSpace.MappingToFeatureSpace(parameter);
        var x = parameter["x"].AsDouble() - 0.3;
        var y = parameter["y"].AsDouble() - 0.7;
        var name = parameter[ChoiceKey].AsString();
        return x * x + y * y + Offset(int.Parse(name.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture));
    }
}
