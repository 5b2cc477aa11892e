namespace Microsoft.ML.NasTuners;

/// <summary>
/// What each <see cref="TrialStatus"/> means to a model: the one rule every tuner follows (and the trial history,
/// the stores and a resumed study with it).
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>status</term><description>modelled / counts as bad / blocks a re-proposal / pending</description></listheader>
/// <item><term><see cref="TrialStatus.Running"/></term><description>no / no / yes / yes: a result reported as still
/// running changes nothing; the trial stays pending.</description></item>
/// <item><term><see cref="TrialStatus.Succeeded"/>, a loss below <see cref="LossCeiling"/> in size</term><description>yes / no / yes / no.</description></item>
/// <item><term><see cref="TrialStatus.Succeeded"/>, NaN, infinite or absurd loss (|loss| at or above
/// <see cref="LossCeiling"/>, <see cref="double.MaxValue"/> included)</term><description>no / yes / yes / no: the point
/// gave no usable number, which says as much as a failure (ML.NET AutoML reports a failed trial as
/// <see cref="double.MaxValue"/>). The record keeps the loss as reported.</description></item>
/// <item><term><see cref="TrialStatus.Failed"/>, <see cref="TrialStatus.TimedOut"/>, <see cref="TrialStatus.Pruned"/></term><description>no / yes /
/// yes / no: models that learn from bad points steer away from where trials break; a pruned trial's loss is at a lower
/// budget than the others' and does not compare with them.</description></item>
/// <item><term><see cref="TrialStatus.Cancelled"/></term><description>no / no / no / no: the run stopped it, so it
/// says nothing about its point, which may be proposed again.</description></item>
/// </list>
/// A successive-halving schedule still counts a cancelled or failed trial as a finished rung entry with no loss, so a
/// bracket never waits for a trial that will not come back.
/// </remarks>
public static class TrialStatusRules
{
    /// <summary>The size from which a loss is absurd rather than bad: 1e300. Models standardise losses, and numbers
    /// this large (a failure reported as <see cref="double.MaxValue"/>, a diverged objective) would overflow them.</summary>
    public const double LossCeiling = 1e300;

    /// <summary>True when a model learns a value from <paramref name="result"/>: it succeeded with a loss below
    /// <see cref="LossCeiling"/> in size (NaN and infinities are not).</summary>
    public static bool IsModelled(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status == TrialStatus.Succeeded && Math.Abs(result.Loss) < LossCeiling;
    }

    /// <summary>True when <paramref name="result"/> is a bad observation for models that learn from failures: it
    /// ended (not cancelled, not running) without a loss a model can use.</summary>
    public static bool CountsAsBad(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status is not (TrialStatus.Running or TrialStatus.Cancelled) && !IsModelled(result);
    }

    /// <summary>True when a trial in <paramref name="status"/> keeps its point from being proposed again: every status
    /// but <see cref="TrialStatus.Cancelled"/>.</summary>
    public static bool BlocksReproposal(TrialStatus status) => status != TrialStatus.Cancelled;

    /// <summary>True when a trial in <paramref name="status"/> is still pending: only <see cref="TrialStatus.Running"/>.</summary>
    public static bool IsPending(TrialStatus status) => status == TrialStatus.Running;
}
