namespace Microsoft.ML.NasTuners;

/// <summary>One trial of a <see cref="TrialHistory"/>: what was proposed, where it came from, and how it ended
/// (<see cref="Result"/> is null while it runs).</summary>
/// <param name="Settings">The trial as proposed.</param>
/// <param name="Origin">Whether the tuner proposed it.</param>
/// <param name="Result">How it ended; null while it runs.</param>
public sealed record HistoryTrial(TrialSettings Settings, TrialOrigin Origin, TrialResult? Result)
{
    /// <summary>The trial's id.</summary>
    public int Id => Settings.TrialId;

    /// <summary>The trial's status: <see cref="TrialStatus.Running"/> until it has a result.</summary>
    public TrialStatus Status => Result?.Status ?? TrialStatus.Running;
}
