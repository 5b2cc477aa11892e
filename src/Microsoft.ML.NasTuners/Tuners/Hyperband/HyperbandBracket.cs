namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>One bracket of Hyperband: a run of successive halving that starts at rung <see cref="Index"/>'s distance
/// from the top, so bracket s has s + 1 rungs.</summary>
/// <param name="Index">s, from s_max (most configurations, smallest budget) down to 0 (a few at the full budget).</param>
/// <param name="Rungs">The rungs, from the first (most configurations) to the last (at the full budget).</param>
public sealed record HyperbandBracket(int Index, IReadOnlyList<HyperbandRung> Rungs)
{
    /// <summary>The total budget of the bracket when every trial starts from scratch.</summary>
    public double TotalBudget => Rungs.Sum(r => r.Configurations * r.Budget);
}
