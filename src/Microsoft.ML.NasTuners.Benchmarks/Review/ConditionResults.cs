namespace Microsoft.ML.NasTuners.Benchmarks.Review;

/// <summary>
/// The trial records of one condition's runs, ours and any imported ones, grouped by run, with each problem's full
/// budget: what the analysis and the plots read. The parameters are dropped on reading, as nothing here needs them.
/// </summary>
public sealed class ConditionResults
{
    private readonly Dictionary<BenchmarkRunId, TrialRecord[]> _runs;

    private ConditionResults(ReviewCondition condition, Dictionary<BenchmarkRunId, TrialRecord[]> runs, IReadOnlyDictionary<string, double> fullBudgets)
    {
        Condition = condition;
        _runs = runs;
        FullBudgets = fullBudgets;
    }

    /// <summary>The condition.</summary>
    public ReviewCondition Condition { get; }

    /// <summary>The full budget of each problem with results (1 for single-fidelity problems).</summary>
    public IReadOnlyDictionary<string, double> FullBudgets { get; }

    /// <summary>The runs, each with its records in trial order.</summary>
    public IReadOnlyDictionary<BenchmarkRunId, TrialRecord[]> Runs => _runs;

    /// <summary>The problems with results, in the condition's order.</summary>
    public IReadOnlyList<string> Problems => Condition.Problems.Where(p => _runs.Keys.Any(r => r.Problem == p)).ToArray();

    /// <summary>The tuners with results: the condition's in its order, then imported ones by name.</summary>
    public IReadOnlyList<string> Tuners
    {
        get
        {
            var present = _runs.Keys.Select(r => r.Tuner).ToHashSet();
            return Condition.Tuners.Where(present.Contains)
                .Concat(present.Except(Condition.Tuners).Order(StringComparer.Ordinal))
                .ToArray();
        }
    }

    /// <summary>Groups <paramref name="records"/> of the condition's problems by run (records of other problems are
    /// ignored, so one imported file can serve every condition).</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="records">Trial records in any order.</param>
    /// <param name="fullBudget">The full budget of a problem by name.</param>
    public static ConditionResults Of(ReviewCondition condition, IEnumerable<TrialRecord> records, Func<string, double> fullBudget)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(fullBudget);
        var problems = condition.Problems.ToHashSet(StringComparer.Ordinal);
        var runs = records
            .Where(r => problems.Contains(r.Problem))
            .Select(r => r with { Parameter = null })
            .GroupBy(BenchmarkRunId.Of)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Trial).ToArray());
        var budgets = runs.Keys.Select(r => r.Problem).Distinct().ToDictionary(p => p, fullBudget, StringComparer.Ordinal);
        return new ConditionResults(condition, runs, budgets);
    }

    /// <summary>The regret of a run after <paramref name="budget"/> of the condition's budget unit (trials, or full
    /// budgets), as <see cref="BenchmarkStatistics.RegretAt"/> reads it: null when the run has no such run or did not
    /// get that far, +∞ when it had no success by then.</summary>
    public double? RegretAt(BenchmarkRunId run, double budget) => _runs.TryGetValue(run, out var records)
        ? BenchmarkStatistics.RegretAt(records, FullBudgets[run.Problem], budget)
        : null;
}
