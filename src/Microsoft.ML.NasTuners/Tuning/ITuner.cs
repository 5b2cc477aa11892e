namespace Microsoft.ML.NasTuners;

/// <summary>
/// A tuner proposes parameters and learns from results. <see cref="Propose(TrialSettings)"/> may be called again before earlier
/// proposals are updated (pending trials, when several run at once), and <see cref="Update"/> must accept failed,
/// pruned and timed-out trials and NaN or infinite losses without breaking.
/// </summary>
public interface ITuner
{
    /// <summary>Proposes the parameter for a new trial. <paramref name="settings"/> carries the trial id and, for
    /// multi-fidelity runs, the budget.</summary>
    Parameter Propose(TrialSettings settings);

    /// <summary>Proposes as <see cref="Propose(TrialSettings)"/>, and gives up with an
    /// <see cref="OperationCanceledException"/> soon after <paramref name="cancellationToken"/> is cancelled. The
    /// experiment passes the run's token, so a long proposal does not hold up a cancelled or timed-out run. Tuners with
    /// expensive proposals (GP-BO, SMAC, the architecture tuners) check it inside their optimisers; the default
    /// checks it only before proposing.</summary>
    Parameter Propose(TrialSettings settings, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Propose(settings);
    }

    /// <summary>Tells the tuner how a trial ended.</summary>
    void Update(TrialResult result);
}
