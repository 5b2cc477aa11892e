namespace Microsoft.ML.NasTuners;

/// <summary>Where a trial's parameter came from, which decides how a replay rebuilds the tuner.</summary>
public enum TrialOrigin
{
    /// <summary>The tuner proposed it: a replay asks the tuner again.</summary>
    Tuner,

    /// <summary>The user gave it (an enqueued parameter, the space's defaults, a trial added from elsewhere): the
    /// tuner only learns its result.</summary>
    Given,
}
