namespace Microsoft.ML.NasTuners.Pipelines;

/// <summary>
/// How a trial's budget becomes a cheaper pipeline: budgets run from <see cref="MinBudget"/> (1) to
/// <see cref="MaxBudget"/> (9), Hyperband's usual range with halving rate 3 (budgets 1, 3, 9). A budget b trains on the
/// fraction b / 9 of the training rows (1/9, 1/3, all) and, for boosted trees (FastTree, LightGbm), the same fraction
/// of their boosting iterations. A fraction never leaves fewer than <see cref="MinRows"/> training rows: below that a
/// model says little about the full data (on wine, 1/9 of a fold is 13 rows, and hyper-parameters that win there, such
/// as 20 examples per leaf, give a tree without a split on the full data), and such small data trains fast anyway.
/// Validation always uses every validation row, so losses at different budgets measure the same thing.
/// </summary>
public static class FidelityMapping
{
    /// <summary>The smallest budget.</summary>
    public const double MinBudget = 1;

    /// <summary>The full budget: all rows, all iterations.</summary>
    public const double MaxBudget = 9;

    /// <summary>The fewest training rows a low-fidelity trial trains on (all of them when there are fewer).</summary>
    public const int MinRows = 300;

    /// <summary>The fraction of training rows a trial at <paramref name="budget"/> trains on; 1 for none (full).</summary>
    public static double RowFraction(double? budget) => budget is { } b ? Math.Clamp(b / MaxBudget, 0, 1) : 1;

    /// <summary>The fraction of <paramref name="rows"/> training rows a trial at <paramref name="budget"/> trains on:
    /// <see cref="RowFraction(double?)"/>, raised so that at least <see cref="MinRows"/> rows remain.</summary>
    public static double RowFraction(double? budget, int rows) =>
        rows <= MinRows ? 1 : Math.Max(RowFraction(budget), (double)MinRows / rows);

    /// <summary>The fraction of boosting iterations a boosted-tree trial at <paramref name="budget"/> trains.</summary>
    public static double IterationFraction(double? budget) => RowFraction(budget);
}
