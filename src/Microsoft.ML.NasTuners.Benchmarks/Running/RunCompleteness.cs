namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>Whether a run's records hold the whole run, decided from the records alone (a file of records stores
/// nothing else), so that a resumed benchmark keeps a run only when re-running it could add nothing.</summary>
public static class RunCompleteness
{
    /// <summary>True when the records summarised by <paramref name="run"/> are provably all that
    /// <paramref name="plan"/> runs for it: every trial the plan allows (<see cref="BenchmarkPlan.Trials"/>), or, with
    /// a budget limit and one simulated worker, a last trial that brought the spent budget to the limit.</summary>
    /// <remarks>With several workers a run stops proposing at the limit but still completes its pending trials, and a
    /// continued trial may cost less when it ends than was reserved when it was proposed; neither shows in the records,
    /// so such a run counts as complete only with all its <see cref="BenchmarkPlan.Trials"/> trials, and is otherwise
    /// re-run (which reproduces it).</remarks>
    public static bool IsProvablyComplete(RunStatistics run, BenchmarkPlan plan)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(plan);
        if (!run.TrialsAreConsecutive) return false;
        if (run.Trials == plan.Trials) return true;
        if (plan.BudgetLimit is not { } limit || plan.Parallel != 1) return false;
        // With one worker nothing is pending when a trial ends, and the runner stops exactly when
        // !(spent < limit × full budget); the same arithmetic on the same (round-tripped) doubles decides it here.
        return !(run.SpentBudget < limit * run.FullBudget);
    }
}
