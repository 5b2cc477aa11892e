namespace Microsoft.ML.NasTuners;

/// <summary>What a tuner does with one trial, by <see cref="TrialStatusRules"/>.</summary>
internal enum TrialUse
{
    /// <summary>Proposed and not ended: the tuner steers away from it and may model it provisionally.</summary>
    Pending,

    /// <summary>Ended with a loss a model learns from.</summary>
    Modelled,

    /// <summary>Ended without a usable loss: a bad observation, never proposed again.</summary>
    Bad,
}
