namespace Microsoft.ML.NasTuners;

/// <summary>
/// Watches an experiment. Every method has an empty default, so a monitor implements only what it needs.
/// </summary>
/// <remarks>
/// The loop calls monitors one at a time, never concurrently, even when trials run in parallel, so a monitor need
/// not be thread-safe; the loop waits for each call, so keep them quick. A monitor that throws stops the run: running
/// trials are cancelled and the result's <see cref="ExperimentResult.StopReason"/> is <see cref="StopReason.Faulted"/>.
/// </remarks>
public interface IExperimentMonitor
{
    /// <summary>A trial was proposed and is about to run.</summary>
    void OnTrialStarted(TrialSettings settings)
    {
    }

    /// <summary>A trial ended as <see cref="TrialStatus.Succeeded"/> or <see cref="TrialStatus.Pruned"/>.</summary>
    void OnTrialCompleted(TrialResult result)
    {
    }

    /// <summary>A trial ended as <see cref="TrialStatus.Failed"/> (including a NaN or infinite loss),
    /// <see cref="TrialStatus.TimedOut"/> or <see cref="TrialStatus.Cancelled"/>; <see cref="TrialResult.Error"/> says why.</summary>
    void OnTrialFailed(TrialResult result)
    {
    }

    /// <summary>A trial beat the best loss so far (called after <see cref="OnTrialCompleted"/> for that trial).</summary>
    void OnBestChanged(TrialResult best)
    {
    }
}
