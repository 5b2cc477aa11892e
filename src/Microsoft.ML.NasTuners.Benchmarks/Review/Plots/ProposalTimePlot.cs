using ScottPlot;
using PlotStyle = Microsoft.ML.NasTuners.Visualization.PlotStyle;

namespace Microsoft.ML.NasTuners.Benchmarks.Review;

/// <summary>The time each tuner of a condition takes to propose a trial against the trial's index, the mean over the
/// condition's runs on a log scale: what a model's cost grows like with the history it fits.</summary>
internal static class ProposalTimePlot
{
    public static string Write(ConditionResults results, string path)
    {
        var plot = new Plot();
        var tuners = results.Tuners;
        for (var t = 0; t < tuners.Count; t++)
        {
            var runs = results.Runs.Where(r => r.Key.Tuner == tuners[t]).Select(r => r.Value).ToArray();
            if (runs.Length == 0) continue;
            var longest = runs.Max(r => r.Length);
            // Only indices every run reached, so the mean does not jump where the short runs end.
            var shortest = runs.Min(r => r.Length);
            var xs = Enumerable.Range(0, Math.Min(longest, shortest)).Select(i => (double)(i + 1)).ToArray();
            var ys = xs.Select(x => Math.Log10(Math.Max(1e-3, runs.Average(r => r[(int)x - 1].ProposeMs)))).ToArray();
            var line = plot.Add.ScatterLine(xs, ys);
            line.Color = PlotStyle.ColorOf(t);
            line.LineWidth = 2;
            line.LegendText = tuners[t];
        }
        PlotStyle.LogLeftAxis(plot);
        plot.Title($"{results.Condition.Name}: time to propose a trial (mean over runs)");
        plot.XLabel("trial");
        plot.YLabel("milliseconds (log scale)");
        plot.ShowLegend(Alignment.UpperLeft);
        return PlotStyle.Save(plot, path);
    }
}
