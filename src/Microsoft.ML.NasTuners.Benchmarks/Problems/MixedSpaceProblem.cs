namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// A single-fidelity problem over a typed (mixed or conditional) search space: the space validates every point before
/// <see cref="Compute"/> sees it, so a subclass states only its formula.
/// </summary>
public abstract class MixedSpaceProblem : IBenchmarkProblem
{
    /// <summary>Creates the problem.</summary>
    protected MixedSpaceProblem(string name, string description, SearchSpace searchSpace, double optimalValue)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(searchSpace);
        Name = name;
        Description = description ?? "";
        SearchSpace = searchSpace;
        OptimalValue = optimalValue;
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
    public double? MinBudget => null;

    /// <inheritdoc />
    public double? MaxBudget => null;

    /// <inheritdoc />
    public double Evaluate(Parameter parameter, double? budget = null)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (budget is not null)
            throw new ArgumentOutOfRangeException(nameof(budget), budget, $"Problem '{Name}' has a single fidelity: evaluate it without a budget.");
        // The space checks every key, range, whole number, choice and branch name, with messages that name the key.
        _ = SearchSpace.MappingToFeatureSpace(parameter);
        return Compute(parameter);
    }

    /// <summary>The objective at a point the space has checked.</summary>
    protected abstract double Compute(Parameter parameter);
}
