namespace Microsoft.ML.NasTuners.Postgres;

/// <summary>Where the whole study stood when a worker last looked (when it started its latest trial, under the
/// study's lock): what a worker's progress shows beside its own events.</summary>
/// <param name="Trials">Trials that count toward the trial limit, running ones included.</param>
/// <param name="Running">Trials running now, in every worker.</param>
/// <param name="MaxTrials">The study's trial limit, if it has one.</param>
/// <param name="Best">The study's best trial so far (a higher budget first, then the lower loss, as an experiment
/// ranks them); null before any succeeded.</param>
/// <param name="Age">How long ago the study was created, by the database's clock.</param>
/// <param name="TimeLimit">The study's time limit from its creation, if it has one.</param>
public sealed record StudyStanding(int Trials, int Running, int? MaxTrials, TrialResult? Best, TimeSpan Age, TimeSpan? TimeLimit)
{
    /// <summary>Trials that have ended.</summary>
    public int Ended => Trials - Running;
}
