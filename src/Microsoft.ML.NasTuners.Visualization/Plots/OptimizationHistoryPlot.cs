using ScottPlot;

namespace Microsoft.ML.NasTuners.Visualization;

/// <summary>Each trial's loss against its id, and the best loss so far as a step line: how fast the search
/// improved and whether it is still improving. Pruned trials show their last reported value in their own colour.</summary>
internal static class OptimizationHistoryPlot
{
    public static Plot? Create(StudyData study)
    {
        var trials = StudyTrials.WithLoss(study);
        if (trials.Length == 0) return null;
        var plot = new Plot();
        AddPoints(plot, trials.Where(t => t.Status == TrialStatus.Succeeded).ToArray(), PlotStyle.ColorOf(0), "loss");
        AddPoints(plot, trials.Where(t => t.Status == TrialStatus.Pruned).ToArray(), PlotStyle.ColorOf(3), "pruned (last reported value)");

        // Best so far among the trials the best trial is chosen from: at the full budget, so a multi-fidelity study's
        // cheap low-budget losses do not draw a best line no full evaluation reached.
        var full = StudyTrials.AtFullBudget(study);
        if (full.Length > 0)
        {
            var best = double.PositiveInfinity;
            var xs = new List<double>();
            var ys = new List<double>();
            foreach (var t in full)
            {
                best = Math.Min(best, t.Loss);
                xs.Add(t.Id);
                ys.Add(best);
            }
            // Carry the line to the last trial, so a plateau at the end is visible.
            xs.Add(study.Trials[^1].Id);
            ys.Add(best);
            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray());
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.Color = PlotStyle.ColorOf(1);
            line.LineWidth = 2;
            line.LegendText = StudyTrials.HasBudgets(study) ? "best so far (full budget)" : "best so far";
        }
        plot.Title($"{study.Name}: optimisation history");
        plot.XLabel("trial");
        plot.YLabel("loss");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static void AddPoints(Plot plot, IReadOnlyList<Storage.StudyTrial> trials, Color color, string legend)
    {
        if (trials.Count == 0) return;
        var points = plot.Add.ScatterPoints(trials.Select(t => (double)t.Id).ToArray(), trials.Select(t => t.Loss).ToArray());
        points.Color = color.WithAlpha(0.7);
        points.MarkerSize = 6;
        points.LegendText = legend;
    }
}
