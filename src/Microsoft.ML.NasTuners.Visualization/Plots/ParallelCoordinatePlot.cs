using ScottPlot;

namespace Microsoft.ML.NasTuners.Visualization;

/// <summary>
/// One line per trial across one vertical axis per parameter, the loss first, each axis scaled to its range (log
/// for log-scaled parameters, one position per choice for a categorical), coloured by loss: which combinations the
/// good trials share. The worst are drawn first so the best lie on top; a trial without a parameter (an inactive
/// branch) skips its axis.
/// </summary>
internal static class ParallelCoordinatePlot
{
    public static Plot? Create(StudyData study)
    {
        var trials = StudyTrials.AtFullBudget(study);
        var columns = ParameterColumns.Of(study, trials);
        if (trials.Length == 0 || columns.Count == 0) return null;
        var losses = trials.Select(t => t.Loss).ToArray();
        var lossColumn = new ParameterColumn("loss", false, false, losses.Min(), losses.Max(), [], losses);
        var axes = new[] { lossColumn }.Concat(columns).ToArray();

        var plot = new Plot();
        foreach (var row in Enumerable.Range(0, trials.Length).OrderByDescending(r => losses[r]))
        {
            var xs = new List<double>();
            var ys = new List<double>();
            for (var a = 0; a < axes.Length; a++)
            {
                var y = axes[a].ToUnit(axes[a].Values[row]);
                if (double.IsNaN(y)) continue;
                xs.Add(a);
                ys.Add(y);
            }
            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray());
            line.Color = PlotStyle.ColorOfFraction(lossColumn.ToUnit(losses[row])).WithAlpha(0.6);
            line.LineWidth = 1.2f;
        }

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var a = 0; a < axes.Length; a++)
        {
            var axis = plot.Add.VerticalLine(a);
            axis.Color = Colors.Black.WithAlpha(0.6);
            axis.LineWidth = 1;
            ticks.AddMajor(a, axes[a].Name);
            if (axes[a].IsCategorical)
            {
                // Every choice where its lines meet the axis.
                for (var k = 0; k < axes[a].Labels.Count; k++)
                    Label(plot, a, axes[a].ToUnit(k), axes[a].Labels[k], Alignment.MiddleLeft);
            }
            else
            {
                Label(plot, a, 0, Numbers.Short(axes[a].Lower), Alignment.UpperCenter);
                Label(plot, a, 1, Numbers.Short(axes[a].Upper), Alignment.LowerCenter);
            }
        }
        plot.Axes.Bottom.TickGenerator = ticks;
        // Long names (branch:B.B_lr) would overlap side by side; slanted, each keeps its own room.
        plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 30 + 3 * Math.Min(30, axes.Max(a => a.Name.Length)); // room for the slanted names
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.Axes.SetLimits(-0.45, axes.Length - 0.6, -0.12, 1.12);
        plot.Title($"{study.Name}: parallel coordinates (colour: loss, dark = low)");
        return plot;
    }

    private static void Label(Plot plot, double x, double y, string text, Alignment alignment)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontSize = 11;
        label.LabelAlignment = alignment;
        label.OffsetY = alignment == Alignment.UpperCenter ? 4 : alignment == Alignment.LowerCenter ? -4 : 0;
        label.OffsetX = alignment == Alignment.MiddleLeft ? 4 : 0;
    }
}
