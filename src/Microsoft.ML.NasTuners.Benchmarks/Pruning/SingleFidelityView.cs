using Microsoft.ML.NasTuners.Architectures;

namespace Microsoft.ML.NasTuners.Benchmarks.Pruning;

/// <summary>A multi-fidelity problem shown to a tuner factory without its budget range, so that every tuner (auto
/// included) proposes single-fidelity trials and the pruner alone decides how far each trains.</summary>
internal sealed class SingleFidelityView(IBenchmarkProblem problem) : IBenchmarkProblem
{
    public string Name => problem.Name;

    public string Description => problem.Description;

    public SearchSpace SearchSpace => problem.SearchSpace;

    public double OptimalValue => problem.OptimalValue;

    public double? MinBudget => null;

    public double? MaxBudget => null;

    public double Evaluate(Parameter parameter, double? budget = null) => problem.Evaluate(parameter, budget);

    public double RegretScale => problem.RegretScale;

    public IArchitectureEncoding? Architecture => problem.Architecture;
}
