namespace Microsoft.ML.NasTuners;

/// <summary>A tuner with something to say about the trials it proposes (which inner tuner proposed one, and why); the
/// experiment writes it into the trial's record (<see cref="Storage.StudyTrial.Note"/>).</summary>
internal interface IAnnotatingTuner
{
    /// <summary>The note of the proposed trial <paramref name="trialId"/>, or null for none.</summary>
    string? NoteOf(int trialId);
}
