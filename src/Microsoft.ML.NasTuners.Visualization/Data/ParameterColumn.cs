namespace Microsoft.ML.NasTuners.Visualization;

/// <summary>
/// One parameter of a study as a column over a set of trials: a number (raw value) or a category (index into
/// <see cref="Labels"/>), NaN where the trial did not have it (an inactive branch). The axis range is the space's when
/// the study recorded one, so plots of two studies of a space line up; otherwise it is the values seen.
/// </summary>
internal sealed record ParameterColumn(string Name, bool IsCategorical, bool IsLog, double Lower, double Upper,
    IReadOnlyList<string> Labels, double[] Values)
{
    /// <summary>Where a value sits on the column's axis, 0 to 1: a number on its (log) scale between the bounds, a
    /// category by its index; NaN stays NaN.</summary>
    public double ToUnit(double value)
    {
        if (double.IsNaN(value)) return double.NaN;
        if (IsCategorical) return Labels.Count <= 1 ? 0.5 : value / (Labels.Count - 1);
        var lower = Warp(Lower);
        var width = Warp(Upper) - lower;
        return width <= 0 ? 0.5 : Math.Clamp((Warp(value) - lower) / width, 0, 1);
    }

    /// <summary>The value as text: the category's label, or the number in short form.</summary>
    public string Format(double value) =>
        double.IsNaN(value) ? "-" : IsCategorical ? Labels[(int)value] : Numbers.Short(value);

    /// <summary>True when some trial lacks the parameter.</summary>
    public bool HasMissing => Values.Any(double.IsNaN);

    private double Warp(double v) => IsLog ? Math.Log(Math.Max(v, double.Epsilon)) : v;
}
