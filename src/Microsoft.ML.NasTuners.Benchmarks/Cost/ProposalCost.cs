namespace Microsoft.ML.NasTuners.Benchmarks.Cost;

/// <summary>What one <see cref="ProposalCostMeasurement"/> measured for one tuner at one history size.</summary>
/// <param name="Tuner">The tuner's registry name.</param>
/// <param name="Problem">The problem's name.</param>
/// <param name="Observations">The finished trials the tuner had been told before the first timed proposal.</param>
/// <param name="FirstMs">The first proposal after the history was told: the cost a resumed study pays once, when
/// a model is fitted to the whole history from scratch.</param>
/// <param name="LaterMs">The proposals after it, each told its result before the next, as in a run.</param>
/// <param name="LaterCpuMs">The processor time the process spent on each of those proposals: on a machine shared with
/// other work, wall-clock times grow with the load while this stays near what the proposal needs.</param>
/// <param name="CancelLatencyMs">With a cancel delay: the time from the cancel to the proposal's return (cancelled or
/// done), else null.</param>
/// <param name="PeakWorkingSetBytes">The process's peak working set after the measurement.</param>
public sealed record ProposalCost(
    string Tuner,
    string Problem,
    int Observations,
    double FirstMs,
    IReadOnlyList<double> LaterMs,
    IReadOnlyList<double> LaterCpuMs,
    double? CancelLatencyMs,
    long PeakWorkingSetBytes)
{
    /// <summary>The median of <see cref="LaterMs"/>, or NaN when there were none.</summary>
    public double MedianLaterMs => LaterMs.Count == 0 ? double.NaN : Quantiles.Of(LaterMs, 0.5);

    /// <summary>The largest of <see cref="LaterMs"/>, or NaN when there were none.</summary>
    public double MaxLaterMs => LaterMs.Count == 0 ? double.NaN : LaterMs.Max();

    /// <summary>The median of <see cref="LaterCpuMs"/>, or NaN when there were none.</summary>
    public double MedianLaterCpuMs => LaterCpuMs.Count == 0 ? double.NaN : Quantiles.Of(LaterCpuMs, 0.5);

    /// <summary>The largest of <see cref="LaterCpuMs"/>, or NaN when there were none.</summary>
    public double MaxLaterCpuMs => LaterCpuMs.Count == 0 ? double.NaN : LaterCpuMs.Max();
}
