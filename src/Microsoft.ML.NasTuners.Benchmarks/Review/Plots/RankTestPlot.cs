using ScottPlot;
using PlotStyle = Microsoft.ML.NasTuners.Visualization.PlotStyle;

namespace Microsoft.ML.NasTuners.Benchmarks.Review;

/// <summary>
/// The rank-test diagram of a condition at its largest budget, in the manner of a critical-difference diagram: each
/// tuner a point at its mean rank with its bootstrap interval, and a bar joining the best with every tuner the
/// Wilcoxon signed-rank tests (Holm-corrected, 5 %) cannot tell from it.
/// </summary>
internal static class RankTestPlot
{
    public static string Write(ConditionResults results, BudgetAnalysis analysis, string path)
    {
        var plot = new Plot();
        var standings = analysis.Standings;
        var tuners = results.Tuners.ToList();
        for (var i = 0; i < standings.Count; i++)
        {
            var s = standings[i];
            double y = standings.Count - i;
            var color = PlotStyle.ColorOf(Math.Max(0, tuners.IndexOf(s.Tuner)));
            var interval = plot.Add.Line(s.RankLower, y, s.RankUpper, y);
            interval.Color = color;
            interval.LineWidth = 2;
            var point = plot.Add.Marker(s.MeanRank, y);
            point.Color = color;
            point.Size = 10;
            var p = s.HolmP is { } holm ? $"  (Holm p = {holm:0.###})" : "  (best)";
            var label = plot.Add.Text($"{s.Tuner}{p}", s.RankUpper, y);
            label.LabelFontSize = 13;
            label.LabelAlignment = Alignment.MiddleLeft;
            label.OffsetX = 8;
        }
        var tied = standings.Where(s => s.TiesWithBest).ToArray();
        if (tied.Length > 1)
        {
            var clique = plot.Add.Line(tied.Min(s => s.MeanRank), 0.4, tied.Max(s => s.MeanRank), 0.4);
            clique.LineWidth = 5;
            clique.Color = Colors.Black;
            var note = plot.Add.Text("not significantly worse than the best", tied.Min(s => s.MeanRank), 0.4);
            note.LabelFontSize = 12;
            note.LabelAlignment = Alignment.UpperLeft;
            note.OffsetY = 6;
        }
        var worst = standings.Count == 0 ? 2 : standings.Max(s => s.RankUpper);
        plot.Axes.SetLimits(0.5, worst + (worst - 0.5) * 0.6 + 0.5, -0.5, standings.Count + 1);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        var friedman = analysis.Friedman is { } f ? $"Friedman χ²({f.DegreesOfFreedom}) = {f.Statistic:0.##}, p = {f.PValue:0.####}" : "Friedman: too few cells";
        plot.Title($"{results.Condition.Name} at {analysis.Budget} {results.Condition.BudgetUnit}: mean rank; {friedman}");
        plot.XLabel("mean rank (1 = best), bootstrap 95 % interval");
        return PlotStyle.Save(plot, path);
    }
}
