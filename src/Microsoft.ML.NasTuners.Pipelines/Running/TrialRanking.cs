namespace Microsoft.ML.NasTuners.Pipelines.Running;

/// <summary>
/// The order of pipeline trials, best first: the lowest validation loss at any budget, a tie to the higher budget, then
/// to the earlier trial. Losses compare across budgets because every budget validates on all the validation rows, and
/// a lower budget's loss was no better than the full budget's for 11 of 12 letter configurations (docs/pipelines.md),
/// so a low-budget trial that leads is likely to lead by more with all the data.
/// </summary>
internal static class TrialRanking
{
    /// <summary>The key the order sorts by, ascending; for a trial not yet in a result (its loss just computed).</summary>
    public static (double Loss, double NegatedBudget, int TrialId) Key(double loss, double? budget, int trialId) =>
        (loss, -(budget ?? FidelityMapping.MaxBudget), trialId);

    public static IEnumerable<T> BestFirst<T>(IEnumerable<T> items, Func<T, PipelineTrial> trialOf) => items
        .Where(i => trialOf(i).Status == TrialStatus.Succeeded && double.IsFinite(trialOf(i).Loss))
        .OrderBy(i => Key(trialOf(i).Loss, trialOf(i).Budget, trialOf(i).TrialId));

    public static PipelineTrial? Best(IEnumerable<PipelineTrial> trials) => BestFirst(trials, t => t).FirstOrDefault();
}
