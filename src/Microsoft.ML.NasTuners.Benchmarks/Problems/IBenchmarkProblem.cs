using Microsoft.ML.NasTuners.Architectures;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// A benchmark problem: a search space and a deterministic objective to minimise, with its known optimal value
/// f* so that a run can be scored by its regret (best loss found - f*).
/// </summary>
public interface IBenchmarkProblem
{
    /// <summary>The registry name, for example <c>branin</c>.</summary>
    string Name { get; }

    /// <summary>A one-line description: the function, its domain and its optimum.</summary>
    string Description { get; }

    /// <summary>The space a tuner searches. Each problem instance owns its space.</summary>
    SearchSpace SearchSpace { get; }

    /// <summary>
    /// f*, the global minimum of the objective at full budget, used to score regret. Where floating-point rounding can
    /// take a computed value under the exact minimum, f* is lowered by a bound on that rounding (at most 1e-12 for the
    /// registered problems), so that no evaluated point scores a negative regret.
    /// </summary>
    double OptimalValue { get; }

    /// <summary>The smallest budget of a multi-fidelity problem; null for a single-fidelity one.</summary>
    double? MinBudget { get; }

    /// <summary>The full budget of a multi-fidelity problem; null for a single-fidelity one.</summary>
    double? MaxBudget { get; }

    /// <summary>The objective (a loss, minimised) at <paramref name="parameter"/>.</summary>
    /// <param name="parameter">A point of <see cref="SearchSpace"/>.</param>
    /// <param name="budget">The budget of a multi-fidelity problem; null means <see cref="MaxBudget"/>. A
    /// single-fidelity problem accepts only null.</param>
    /// <exception cref="ArgumentException">The parameter lacks a key or a value lies outside its range.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The budget is not one the problem accepts.</exception>
    double Evaluate(Parameter parameter, double? budget = null);

    /// <summary>
    /// The loss at full fidelity that scores a run's incumbent: by default <see cref="Evaluate"/> at the full budget.
    /// A problem whose objective is noisy returns its expected value here (for example <c>counting_ones</c>), so that
    /// regret measures the configuration and not the luck of one evaluation. The benchmark calls it outside the
    /// run's budget.
    /// </summary>
    double EvaluateFullFidelity(Parameter parameter) => Evaluate(parameter, null);

    /// <summary>The regret is divided by this positive number, for problems whose losses are normalised by the range
    /// of the objective (for example <c>yahpo_lcbench</c>). Default 1.</summary>
    double RegretScale => 1;

    /// <summary>The architecture encoding of the problem's points (tokens, graph, isomorphism key), which the benchmark
    /// hands to architecture-aware tuners; null for problems whose points are not architectures (the default).</summary>
    IArchitectureEncoding? Architecture => null;
}
