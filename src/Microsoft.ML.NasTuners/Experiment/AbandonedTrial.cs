namespace Microsoft.ML.NasTuners;

/// <summary>A trial whose objective did not stop when asked (after a timeout or when the run stopped): the run
/// recorded it and went on, but its work may still be running on its own thread.</summary>
/// <param name="TrialId">The trial.</param>
/// <param name="Work">The objective's work; it completes when the objective finally returns or throws (it never
/// faults: its exception, if any, is observed).</param>
public sealed record AbandonedTrial(int TrialId, Task Work)
{
    /// <summary>True while the objective still runs.</summary>
    public bool IsRunning => !Work.IsCompleted;
}
