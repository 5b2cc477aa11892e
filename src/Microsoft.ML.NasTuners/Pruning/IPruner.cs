namespace Microsoft.ML.NasTuners.Pruning;

/// <summary>Decides, each time a running trial reports a value, whether to stop it early. Called from the trial's own
/// thread, possibly for several trials at once: an implementation reads only what it is given.</summary>
public interface IPruner
{
    /// <summary>True to stop <paramref name="trial"/> now.</summary>
    /// <param name="trial">The trial that just reported: its curve up to now, the last value at its latest step.</param>
    /// <param name="others">Every other trial of the run that reported anything, running or ended.</param>
    bool ShouldPrune(TrialCurve trial, IReadOnlyList<TrialCurve> others);
}
