using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Cli.Worker;

/// <summary>A user objective's space as the tuner registry sees a problem: single fidelity, no architecture. The
/// registry only reads its shape; the worker evaluates the user's method, never this.</summary>
internal sealed class UserProblem(SearchSpace space) : IBenchmarkProblem
{
    public string Name => "user objective";

    public string Description => "A user's objective, loaded with --objective.";

    public SearchSpace SearchSpace { get; } = space;

    public double OptimalValue => double.NaN;

    public double? MinBudget => null;

    public double? MaxBudget => null;

    public double Evaluate(Parameter parameter, double? budget = null) =>
        throw new InvalidOperationException("A user objective is evaluated by the worker, not through the problem.");
}
