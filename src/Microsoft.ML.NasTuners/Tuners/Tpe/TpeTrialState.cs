namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>What the <see cref="TpeTuner"/> knows of a trial.</summary>
internal enum TpeTrialState
{
    /// <summary>Proposed (or reported running) and not finished: a bad observation under the constant liar.</summary>
    Pending,
    /// <summary>Succeeded with a finite loss: the only state that may be good.</summary>
    Complete,
    /// <summary>Failed, timed out, pruned, or succeeded with a NaN or infinite loss: always a bad observation.</summary>
    Failed,
}
