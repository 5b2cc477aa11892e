namespace Microsoft.ML.NasTuners.Pruning;

/// <summary>One trial's reported values, in the order of their steps, and how the trial stands: a pruner compares a
/// running trial with the curves of the others.</summary>
/// <param name="TrialId">The trial.</param>
/// <param name="Status">Running while it runs; its final status once it ended.</param>
/// <param name="Values">Its reported values by ascending step (a step reported twice keeps the last value).</param>
public sealed record TrialCurve(int TrialId, TrialStatus Status, IReadOnlyList<IntermediateValue> Values)
{
    /// <summary>The value reported at <paramref name="step"/>, or null.</summary>
    public double? At(double step)
    {
        foreach (var v in Values)
            if (v.Step == step) return v.Value;
        return null;
    }

    /// <summary>The best (lowest) value reported at a step up to <paramref name="step"/>, or null when none.</summary>
    public double? BestUpTo(double step)
    {
        double? best = null;
        foreach (var v in Values)
            if (v.Step <= step && double.IsFinite(v.Value) && (best is null || v.Value < best)) best = v.Value;
        return best;
    }
}
