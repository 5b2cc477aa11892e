namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>One trial as the <see cref="TpeTuner"/> remembers it: its point in the model view and how it ended.</summary>
internal sealed class TpeTrial(int id, double[] values)
{
    public int Id { get; } = id;

    /// <summary>Raw model-view values, NaN where inactive.</summary>
    public double[] Values { get; } = values;

    public TpeTrialState State { get; set; } = TpeTrialState.Pending;

    /// <summary>The loss; meaningful only when <see cref="State"/> is <see cref="TpeTrialState.Complete"/>.</summary>
    public double Loss { get; set; } = double.NaN;
}
