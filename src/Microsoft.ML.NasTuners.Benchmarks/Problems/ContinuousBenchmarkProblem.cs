using System.Globalization;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// A problem over a box of real numbers, with parameters named <c>x0</c>, <c>x1</c>, ... (each a
/// <see cref="UniformDoubleOption"/> over its interval). Besides parameters it evaluates plain points, which
/// keeps tests and plots free of parameter plumbing.
/// </summary>
public abstract class ContinuousBenchmarkProblem : IBenchmarkProblem
{
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly double[][] _minimizers;

    /// <summary>Creates the problem and its search space.</summary>
    /// <param name="name">Registry name.</param>
    /// <param name="description">One-line description.</param>
    /// <param name="lower">Lower bound of each coordinate.</param>
    /// <param name="upper">Upper bound of each coordinate.</param>
    /// <param name="optimalValue">The global minimum f*.</param>
    /// <param name="minimizers">The known global minimisers (at least one).</param>
    protected ContinuousBenchmarkProblem(string name, string description, double[] lower, double[] upper, double optimalValue,
        params double[][] minimizers)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        ArgumentNullException.ThrowIfNull(minimizers);
        if (lower.Length == 0 || lower.Length != upper.Length)
            throw new ArgumentException($"Need as many upper bounds as lower bounds (got {lower.Length} and {upper.Length}).", nameof(upper));
        if (minimizers.Any(m => m.Length != lower.Length))
            throw new ArgumentException($"Every minimiser needs {lower.Length} coordinates.", nameof(minimizers));
        Name = name;
        Description = description ?? "";
        _lower = (double[])lower.Clone();
        _upper = (double[])upper.Clone();
        _minimizers = minimizers.Select(m => (double[])m.Clone()).ToArray();
        OptimalValue = optimalValue;
        SearchSpace = new SearchSpace(Enumerable.Range(0, lower.Length)
            .Select(i => KeyValuePair.Create(Key(i), (OptionBase)new UniformDoubleOption(lower[i], upper[i]))));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public SearchSpace SearchSpace { get; }

    /// <inheritdoc />
    public double OptimalValue { get; }

    /// <inheritdoc />
    public virtual double? MinBudget => null;

    /// <inheritdoc />
    public virtual double? MaxBudget => null;

    /// <summary>The number of coordinates.</summary>
    public int Dimension => _lower.Length;

    /// <summary>The lower bound of each coordinate.</summary>
    public IReadOnlyList<double> Lower => _lower;

    /// <summary>The upper bound of each coordinate.</summary>
    public IReadOnlyList<double> Upper => _upper;

    /// <summary>The known global minimisers, refined to double precision; the objective equals
    /// <see cref="OptimalValue"/> there (up to rounding).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Minimizers => _minimizers;

    /// <summary>The parameter key of coordinate <paramref name="index"/>: <c>x0</c>, <c>x1</c>, ...</summary>
    public static string Key(int index) => "x" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The parameter of a point.</summary>
    public Parameter ToParameter(IReadOnlyList<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckLength(x.Count);
        return Parameter.CreateNestedParameter(x.Select((v, i) => KeyValuePair.Create(Key(i), Parameter.FromDouble(v))).ToArray());
    }

    /// <summary>The point of a parameter; throws <see cref="ArgumentException"/> naming a missing key.</summary>
    public double[] ToPoint(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var x = new double[Dimension];
        for (var i = 0; i < x.Length; i++)
        {
            if (!parameter.TryGetValue(Key(i), out var value) || !value.IsNumber)
                throw new ArgumentException($"Problem '{Name}' needs a number under '{Key(i)}'; got {parameter}.", nameof(parameter));
            x[i] = value.AsDouble();
        }
        return x;
    }

    /// <inheritdoc />
    public double Evaluate(Parameter parameter, double? budget = null) => Evaluate(ToPoint(parameter), budget);

    /// <summary>The objective at point <paramref name="x"/>.</summary>
    /// <param name="x">One value per coordinate, inside the bounds.</param>
    /// <param name="budget">See <see cref="IBenchmarkProblem.Evaluate"/>.</param>
    public double Evaluate(ReadOnlySpan<double> x, double? budget = null)
    {
        CheckLength(x.Length);
        for (var i = 0; i < x.Length; i++)
        {
            // Written so that NaN fails too.
            if (!(x[i] >= _lower[i] && x[i] <= _upper[i]))
                throw new ArgumentOutOfRangeException(nameof(x), x[i], $"Problem '{Name}': {Key(i)} must lie in [{_lower[i]}, {_upper[i]}].");
        }
        return Compute(x, ResolveBudget(budget));
    }

    /// <summary>Checks a budget and returns the one to compute at. A single-fidelity problem accepts only null.</summary>
    protected virtual double? ResolveBudget(double? budget) => budget is null
        ? null
        : throw new ArgumentOutOfRangeException(nameof(budget), budget, $"Problem '{Name}' has a single fidelity: evaluate it without a budget.");

    /// <summary>The objective at a point already checked against the bounds.</summary>
    /// <param name="x">The point.</param>
    /// <param name="budget">The budget from <see cref="ResolveBudget"/>: null for single-fidelity problems.</param>
    protected abstract double Compute(ReadOnlySpan<double> x, double? budget);

    /// <summary>The same bounds <paramref name="dimension"/> times.</summary>
    protected static double[] Repeat(double value, int dimension) => Enumerable.Repeat(value, dimension).ToArray();

    private void CheckLength(int length)
    {
        if (length != Dimension)
            throw new ArgumentException($"Problem '{Name}' has {Dimension} coordinates, got {length}.", "x");
    }
}
