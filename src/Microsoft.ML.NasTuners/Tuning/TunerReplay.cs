namespace Microsoft.ML.NasTuners;

/// <summary>
/// Rebuilds a tuner from a recorded history by replaying it: every trial is proposed again in the order it was
/// proposed, and every result is told in the order it arrived. A seeded tuner then ends in the very state it had
/// when the history was recorded, so a resumed study goes on proposing what an uninterrupted one would have.
/// </summary>
/// <remarks>When a re-proposal differs from the recorded parameter (the tuner was seeded otherwise, or is not
/// deterministic), the re-proposal is withdrawn (told as <see cref="TrialStatus.Cancelled"/>, which no tuner models)
/// and the recorded trial is told as a result the tuner did not propose, which every tuner learns from.</remarks>
internal static class TunerReplay
{
    /// <summary>Replays <paramref name="history"/> into <paramref name="tuner"/>.</summary>
    /// <param name="tuner">A fresh tuner, seeded as the recorded one was.</param>
    /// <param name="history">The recorded trials. A running one stays pending in the tuner; a trial the tuner did not
    /// propose (<see cref="TrialOrigin.Given"/>) is only told.</param>
    /// <returns>The ids of the trials whose re-proposal differed from the record.</returns>
    public static IReadOnlyList<int> Replay(ITuner tuner, TrialHistory history)
    {
        ArgumentNullException.ThrowIfNull(tuner);
        ArgumentNullException.ThrowIfNull(history);
        var byId = history.Trials;
        // Results in the order they arrived; a result arrived before a proposal when it ended no later than that
        // trial started, as the experiment loop records an ending before it proposes again.
        var results = history.Finished
            .OrderBy(r => r.TrialSettings.EndedAtUtc ?? DateTime.MaxValue).ThenBy(r => r.TrialSettings.TrialId)
            .ToList();
        var differed = new List<int>();
        var told = 0;
        foreach (var trial in byId)
        {
            var recorded = trial.Settings;
            while (told < results.Count && (results[told].TrialSettings.EndedAtUtc ?? DateTime.MaxValue) <= recorded.StartedAtUtc)
                tuner.Update(results[told++]);
            if (trial.Origin == TrialOrigin.Given) continue;
            var again = new TrialSettings { TrialId = recorded.TrialId };
            var proposed = tuner.Propose(again);
            if (!proposed.Equals(recorded.Parameter) || again.Budget != recorded.Budget)
            {
                differed.Add(recorded.TrialId);
                again.Parameter = proposed;
                // Withdrawn; the recorded trial is learned below as one the tuner did not propose.
                tuner.Update(new TrialResult { TrialSettings = again, Status = TrialStatus.Cancelled, Error = "Withdrawn by a replay." });
            }
        }
        while (told < results.Count)
            tuner.Update(results[told++]);
        return differed;
    }
}
