using ScottPlot;
using PlotStyle = Microsoft.ML.NasTuners.Visualization.PlotStyle;

namespace Microsoft.ML.NasTuners.Benchmarks.Review;

/// <summary>The mean rank of every tuner of a condition at each of its budgets, with the bootstrap 95 % interval as
/// error bars: which tuner leads, and whether the lead changes as the budget grows.</summary>
internal static class MeanRankPlot
{
    public static string Write(ConditionResults results, IReadOnlyList<BudgetAnalysis> analyses, string path)
    {
        var plot = new Plot();
        var tuners = results.Tuners;
        for (var t = 0; t < tuners.Count; t++)
        {
            var points = analyses
                .Select(a => (a.Budget, Standing: a.Standings.FirstOrDefault(s => s.Tuner == tuners[t])))
                .Where(p => p.Standing is not null)
                .ToArray();
            if (points.Length == 0) continue;
            var xs = points.Select(p => (double)p.Budget).ToArray();
            var ys = points.Select(p => p.Standing!.MeanRank).ToArray();
            var color = PlotStyle.ColorOf(t);
            var line = plot.Add.Scatter(xs, ys);
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LegendText = tuners[t];
            foreach (var (budget, standing) in points)
            {
                // The interval as a vertical bar at its budget.
                var bar = plot.Add.Line(budget, standing!.RankLower, budget, standing.RankUpper);
                bar.Color = color.WithAlpha(0.6);
                bar.LineWidth = 1.5f;
            }
        }
        plot.Axes.InvertY();
        plot.Title($"{results.Condition.Name}: mean rank over budget (1 = best; bootstrap 95 % interval)");
        plot.XLabel(results.Condition.BudgetUnit);
        plot.YLabel("mean rank");
        plot.ShowLegend(Alignment.LowerRight);
        return PlotStyle.Save(plot, path);
    }
}
