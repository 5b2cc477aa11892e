namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>What Hyperband and BOHB derive alike from their schedule.</summary>
internal static class MultiFidelityBudgets
{
    /// <summary>The range the proposed budgets lie in: the options' range, widened when rounding moved a rung's
    /// budget past it.</summary>
    public static BudgetRange RangeOf(HyperbandSchedule schedule) => new(
        Math.Min(schedule.Options.MinBudget, schedule.Budgets[0]),
        Math.Max(schedule.Options.MaxBudget, schedule.Budgets[^1]));

    public static ISuccessiveHalvingScheduler CreateScheduler(HyperbandSchedule schedule) => schedule.Options.Asynchronous
        ? new AsynchronousSuccessiveHalvingScheduler(schedule)
        : new SynchronousHyperbandScheduler(schedule);
}
