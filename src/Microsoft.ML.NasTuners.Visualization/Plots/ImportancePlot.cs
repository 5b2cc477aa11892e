using ScottPlot;

namespace Microsoft.ML.NasTuners.Visualization;

/// <summary>The importance of each parameter (<see cref="ParameterImportance"/>) as horizontal bars, the most
/// important at the top.</summary>
internal static class ImportancePlot
{
    public static Plot? Create(StudyData study, IReadOnlyList<ParameterImportanceScore> scores)
    {
        if (scores.Count == 0) return null;
        var trials = StudyTrials.AtFullBudget(study).Length;
        var plot = new Plot();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < scores.Count; i++)
        {
            // Position 0 at the bottom: the last score (the least important) goes there.
            double position = scores.Count - 1 - i;
            var bar = plot.Add.Bar(new Bar
            {
                Position = position,
                Value = scores[i].Share,
                FillColor = PlotStyle.ColorOf(0),
                Orientation = Orientation.Horizontal,
                Label = $"{scores[i].Share:P1}",
            });
            ticks.AddMajor(position, scores[i].Parameter);
        }
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.SetLimitsX(0, Math.Max(0.05, scores.Max(s => s.Share)) * 1.15);
        plot.Title($"{study.Name}: parameter importance (permutation on a random forest, {trials} trials)");
        plot.XLabel("share of the held-out error increase when the parameter is shuffled");
        return plot;
    }
}
