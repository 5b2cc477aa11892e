namespace Microsoft.ML.NasTuners;

/// <summary>One trial as a tuner keeps it: its point in the tuner's own encoding and how it ended.</summary>
/// <typeparam name="TPoint">The tuner's encoding of a parameter.</typeparam>
internal sealed class TunerTrial<TPoint>(int id, TPoint point, int arrival)
{
    public int Id { get; } = id;

    /// <summary>Its place in the order the tuner learned of its trials.</summary>
    public int Arrival { get; } = arrival;

    public TPoint Point { get; } = point;

    public TrialUse Use { get; internal set; } = TrialUse.Pending;

    /// <summary>The loss; meaningful only when <see cref="Use"/> is <see cref="TrialUse.Modelled"/>.</summary>
    public double Loss { get; internal set; } = double.NaN;

    /// <summary>The budget it ran at; +∞ for the full budget (none given).</summary>
    public double Budget { get; internal set; } = double.PositiveInfinity;

    /// <summary>Its wall-clock duration, in milliseconds; NaN until it ends.</summary>
    public double DurationMs { get; internal set; } = double.NaN;
}
