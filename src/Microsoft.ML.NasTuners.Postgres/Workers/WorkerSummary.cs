namespace Microsoft.ML.NasTuners.Postgres;

/// <summary>What one worker's run did.</summary>
/// <param name="Recorded">Trials whose result it wrote.</param>
/// <param name="Refused">Trials whose result came after the lease ran out, and was refused.</param>
/// <param name="AskTime">Time spent in <see cref="StudyWorker.Ask"/> (waits for running trials excluded).</param>
/// <param name="TunerTime">The part of it spent in the tuner: replaying the other workers' events and proposing.</param>
public sealed record WorkerSummary(int Recorded, int Refused, TimeSpan AskTime, TimeSpan TunerTime)
{
    /// <summary>What the store added to each proposal, on average: the time asked minus the tuner's, per trial.</summary>
    public TimeSpan StoreTimePerTrial => Recorded + Refused == 0 ? TimeSpan.Zero : (AskTime - TunerTime) / (Recorded + Refused);
}
