using ScottPlot;
using Microsoft.ML.NasTuners.Storage;

namespace Microsoft.ML.NasTuners.Visualization;

/// <summary>
/// The loss of every trial against one parameter's value (a log axis for a log-scaled parameter, one column per
/// choice for a categorical, with a small seeded jitter so equal choices do not hide each other), coloured by trial
/// number (dark = early): where the good values lie, and where the tuner went as the study went on.
/// </summary>
internal static class SlicePlot
{
    /// <summary>One plot per parameter, in the order of the columns.</summary>
    public static IReadOnlyList<(ParameterColumn Column, Plot Plot)> Create(StudyData study)
    {
        var trials = StudyTrials.AtFullBudget(study);
        if (trials.Length == 0) return [];
        return ParameterColumns.Of(study, trials)
            .Where(c => c.Values.Any(v => !double.IsNaN(v)))
            .Select(c => (c, Create(study, trials, c)))
            .ToArray();
    }

    private static Plot Create(StudyData study, IReadOnlyList<StudyTrial> trials, ParameterColumn column)
    {
        var plot = new Plot();
        var random = new Random(17); // the jitter only spreads points; a fixed seed keeps the image reproducible
        var lastId = Math.Max(1, study.Trials[^1].Id);
        for (var i = 0; i < trials.Count; i++)
        {
            var value = column.Values[i];
            if (double.IsNaN(value)) continue;
            var x = column.IsCategorical ? value + (random.NextDouble() - 0.5) * 0.3
                : column.IsLog ? Math.Log10(value) : value;
            var marker = plot.Add.Marker(x, trials[i].Loss);
            marker.Color = PlotStyle.ColorOfFraction(trials[i].Id / (double)lastId).WithAlpha(0.8);
            marker.Size = 7;
        }
        if (column.IsCategorical)
        {
            var ticks = new ScottPlot.TickGenerators.NumericManual();
            for (var k = 0; k < column.Labels.Count; k++) ticks.AddMajor(k, column.Labels[k]);
            plot.Axes.Bottom.TickGenerator = ticks;
        }
        else if (column.IsLog)
        {
            PlotStyle.LogBottomAxis(plot);
        }
        plot.Title($"{study.Name}: loss against {column.Name} (colour: trial, dark = early)");
        plot.XLabel(column.IsLog ? $"{column.Name} (log scale)" : column.Name);
        plot.YLabel("loss");
        return plot;
    }
}
