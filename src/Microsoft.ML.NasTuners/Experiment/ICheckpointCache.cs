using System.Diagnostics.CodeAnalysis;

namespace Microsoft.ML.NasTuners;

/// <summary>
/// Keeps the state a configuration reached at a lower budget, keyed by <see cref="TrialSettings.ConfigId"/>, so that
/// when a multi-fidelity tuner promotes it the objective continues training instead of restarting. Used by
/// <c>NasExperiment.SetContinuableObjective</c>; an objective may also read and write one directly.
/// </summary>
/// <remarks>Trials run concurrently, so an implementation must be thread-safe. A cache may forget an entry at any
/// time (to bound memory): the objective then trains the configuration from scratch.</remarks>
public interface ICheckpointCache
{
    /// <summary>The checkpoint saved for <paramref name="configId"/>, if the cache still holds it.</summary>
    bool TryLoad(int configId, [NotNullWhen(true)] out TrialCheckpoint? checkpoint);

    /// <summary>Saves (or replaces) the checkpoint of <paramref name="configId"/>.</summary>
    void Save(int configId, TrialCheckpoint checkpoint);

    /// <summary>Forgets the checkpoint of <paramref name="configId"/>, if any.</summary>
    void Remove(int configId);
}
