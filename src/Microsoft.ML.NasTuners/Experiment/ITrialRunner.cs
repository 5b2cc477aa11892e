namespace Microsoft.ML.NasTuners;

/// <summary>
/// Runs one trial: trains and evaluates the parameter in <see cref="TrialSettings.Parameter"/> and reports its loss
/// (minimised) and, if it likes, a metric. Use it instead of an objective function when a trial has more to say than
/// a loss.
/// </summary>
/// <remarks>
/// Several trials may run at once (see <see cref="NasExperiment.SetDegreeOfParallelism"/>), so a runner must be
/// safe to call concurrently. The experiment owns the outcome: it times the trial, replaces the returned
/// <see cref="TrialResult.TrialSettings"/> and <see cref="TrialResult.DurationInMilliseconds"/> with its own, turns a
/// thrown exception into <see cref="TrialStatus.Failed"/> and a NaN or infinite loss of a succeeded trial into
/// <see cref="TrialStatus.Failed"/>.
/// </remarks>
public interface ITrialRunner
{
    /// <summary>Runs the trial.</summary>
    /// <param name="settings">The trial: its id and proposed parameter.</param>
    /// <param name="ct">Cancelled when the trial times out or the run stops; the runner should stop soon after. A
    /// runner that ignores it is abandoned (its task is left to finish on its own) and the trial is recorded as timed
    /// out or cancelled.</param>
    Task<TrialResult> RunAsync(TrialSettings settings, CancellationToken ct);
}
