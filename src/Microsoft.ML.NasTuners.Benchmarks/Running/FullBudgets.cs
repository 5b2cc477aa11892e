namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>The full budgets of a plan's problems, which convert spent budgets to full-budget equivalents.</summary>
public static class FullBudgets
{
    /// <summary>Each problem of <paramref name="plan"/> with its maximum budget, or 1 for a single-fidelity problem.</summary>
    /// <exception cref="ArgumentException">The plan names an unknown problem.</exception>
    public static IReadOnlyDictionary<string, double> Of(BenchmarkPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var budgets = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var name in plan.Problems.Distinct())
        {
            var problem = BenchmarkProblems.Create(name, plan.YahpoTask);
            try
            {
                budgets[name] = problem.MaxBudget ?? 1;
            }
            finally
            {
                (problem as IDisposable)?.Dispose();
            }
        }
        return budgets;
    }
}
