namespace Microsoft.ML.NasTuners.Benchmarks.Review;

/// <summary>
/// One condition of the review: a named set of problems, the budgets at which tuners are compared, the settings the
/// runs share (simulated workers) and the tuners that apply, with what the hypothesis expects to win there.
/// </summary>
public sealed record ReviewCondition
{
    /// <summary>The name, used on the command line (<c>--conditions</c>) and for the condition's JSONL file.</summary>
    public required string Name { get; init; }

    /// <summary>A one-line description for the report.</summary>
    public required string Description { get; init; }

    /// <summary>The problems (<see cref="BenchmarkProblems.Names"/>).</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>The budgets at which regret is compared, ascending: trials, or full-budget equivalents when
    /// <see cref="InFullBudgets"/>. One run per (problem, tuner, seed) goes to the largest; the smaller ones are read
    /// off its trajectory.</summary>
    public required IReadOnlyList<int> Budgets { get; init; }

    /// <summary>True when <see cref="Budgets"/> count full-budget equivalents (the runs stop at a budget limit, as
    /// <c>bench --budget-limit</c>); false when they count trials.</summary>
    public bool InFullBudgets { get; init; }

    /// <summary>Simulated parallel workers per run (as <c>bench --parallel</c>).</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>The tuners run on every problem (<see cref="TunerRegistry.Names"/>); the runner still skips those a
    /// problem does not suit (<see cref="BenchmarkRunner.Skipped"/>).</summary>
    public required IReadOnlyList<string> Tuners { get; init; }

    /// <summary>The tuners the hypothesis expects to win here; empty where it says nothing.</summary>
    public IReadOnlyList<string> Expected { get; init; } = [];

    /// <summary>The hypothesis for this condition, in words.</summary>
    public string Hypothesis { get; init; } = "no prior expectation";

    /// <summary>The unit of <see cref="Budgets"/>, for tables: "trials" or "full budgets".</summary>
    public string BudgetUnit => InFullBudgets ? "full budgets" : "trials";

    /// <summary>The benchmark plan that runs this condition on <paramref name="problems"/> (those of
    /// <see cref="Problems"/> whose data is present) with <paramref name="seeds"/>.</summary>
    public BenchmarkPlan PlanFor(IReadOnlyList<string> problems, IReadOnlyList<int> seeds, int threads) => new()
    {
        Problems = problems,
        Tuners = Tuners,
        Seeds = seeds,
        // With full budgets the limit ends a run, and no trial cap shortens it.
        Trials = InFullBudgets ? int.MaxValue : Budgets[^1],
        BudgetLimit = InFullBudgets ? Budgets[^1] : null,
        Parallel = Parallel,
        MaxDegreeOfParallelism = threads,
    };
}
