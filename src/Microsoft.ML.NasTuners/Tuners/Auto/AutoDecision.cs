namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>One choice of <see cref="AutoTuner"/>: which tuner proposes from <see cref="FromTrialId"/> on, and why.</summary>
/// <param name="Tuner">The chosen tuner's <c>bench</c> name (for example <c>gp-map</c>).</param>
/// <param name="Rule">The rule that chose it, as docs/tuners/auto.md names it.</param>
/// <param name="FromTrialId">The id of the first trial the chosen tuner proposes.</param>
/// <param name="FinishedTrials">How many trials had finished when the choice was made (0 for the first).</param>
/// <param name="IsSwitch">True when the choice replaced an earlier one during the run.</param>
public sealed record AutoDecision(string Tuner, string Rule, int FromTrialId, int FinishedTrials, bool IsSwitch)
{
    /// <summary>The note written into the record of each trial the chosen tuner proposes.</summary>
    public string Note => $"auto: {Tuner} ({(IsSwitch ? "switch" : "rule")}: {Rule})";

    /// <inheritdoc />
    public override string ToString() => $"{Note} from trial {FromTrialId}";
}
