namespace Microsoft.ML.NasTuners.Pipelines;

/// <summary>
/// How a trial's budget becomes a cheaper pipeline: budgets run from <see cref="MinBudget"/> (1) to
/// <see cref="MaxBudget"/> (9), Hyperband's usual range with halving rate 3 (budgets 1, 3, 9). A budget b trains on the
/// fraction b / 9 of the training rows (1/9, 1/3, all) and, for boosted trees (FastTree, LightGbm), the same fraction
/// of their boosting iterations. Validation always uses every validation row, so losses at different budgets measure
/// the same thing.
/// </summary>
public static class FidelityMapping
{
    /// <summary>The smallest budget.</summary>
    public const double MinBudget = 1;

    /// <summary>The full budget: all rows, all iterations.</summary>
    public const double MaxBudget = 9;

    /// <summary>The fraction of training rows a trial at <paramref name="budget"/> trains on; 1 for none (full).</summary>
    public static double RowFraction(double? budget) => budget is { } b ? Math.Clamp(b / MaxBudget, 0, 1) : 1;

    /// <summary>The fraction of boosting iterations a boosted-tree trial at <paramref name="budget"/> trains.</summary>
    public static double IterationFraction(double? budget) => RowFraction(budget);
}
