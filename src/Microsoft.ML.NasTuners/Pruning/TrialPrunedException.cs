namespace Microsoft.ML.NasTuners.Pruning;

/// <summary>Thrown by an objective to end its trial as <see cref="TrialStatus.Pruned"/>, usually when
/// <see cref="TrialSettings.ShouldPrune"/> said so (<see cref="TrialSettings.Prune"/> throws it). The trial's loss is
/// its last reported value.</summary>
public sealed class TrialPrunedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrialPrunedException()
        : base("The trial was pruned.")
    {
    }

    /// <summary>Creates the exception with a message saying why.</summary>
    public TrialPrunedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public TrialPrunedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
