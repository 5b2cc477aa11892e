using ScottPlot;
using PlotStyle = Microsoft.ML.NasTuners.Visualization.PlotStyle;

namespace Microsoft.ML.NasTuners.Benchmarks.Review;

/// <summary>The regret curve of every tuner on one problem: the median over seeds against the budget spent, with the
/// band between the quartiles, on a log scale. Budgets where over half the seeds had no success yet are left out.</summary>
internal static class RegretCurvePlot
{
    public static string Write(ConditionResults results, string problem, string path)
    {
        var plot = new Plot();
        var tuners = results.Tuners;
        var budgets = Enumerable.Range(1, results.Condition.Budgets[^1]).Select(b => (double)b).ToArray();
        for (var t = 0; t < tuners.Count; t++)
        {
            var runs = results.Runs.Keys.Where(r => r.Problem == problem && r.Tuner == tuners[t]).ToArray();
            if (runs.Length == 0) continue;
            var points = new List<(double X, double Median, double Q25, double Q75)>();
            foreach (var b in budgets)
            {
                var regrets = runs.Select(r => results.RegretAt(r, b)).ToArray();
                if (regrets.Any(r => r is null)) continue;
                var values = regrets.Select(r => r!.Value).ToArray();
                var median = Quantiles.Median(values);
                if (double.IsPositiveInfinity(median)) continue;
                var q75 = Quantiles.Of(values, 0.75);
                points.Add((b, PlotStyle.Log(median), PlotStyle.Log(Quantiles.Of(values, 0.25)),
                    double.IsPositiveInfinity(q75) ? PlotStyle.Log(median) : PlotStyle.Log(q75)));
            }
            if (points.Count == 0) continue;
            var xs = points.Select(p => p.X).ToArray();
            var color = PlotStyle.ColorOf(t);
            var band = plot.Add.FillY(xs, points.Select(p => p.Q25).ToArray(), points.Select(p => p.Q75).ToArray());
            band.FillColor = color.WithAlpha(0.15);
            band.LineWidth = 0;
            var line = plot.Add.ScatterLine(xs, points.Select(p => p.Median).ToArray());
            line.Color = color;
            line.LineWidth = 2;
            line.LegendText = tuners[t];
        }
        PlotStyle.LogLeftAxis(plot);
        plot.Title($"{problem} ({results.Condition.Name}): median regret, IQR band");
        plot.XLabel(results.Condition.BudgetUnit);
        plot.YLabel("regret (log scale)");
        plot.ShowLegend(Alignment.UpperRight);
        return PlotStyle.Save(plot, path);
    }
}
