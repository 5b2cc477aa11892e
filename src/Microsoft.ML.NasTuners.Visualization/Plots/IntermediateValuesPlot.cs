using ScottPlot;

namespace Microsoft.ML.NasTuners.Visualization;

/// <summary>The values each trial reported while it ran (<see cref="TrialSettings.Report"/>) against their step, one
/// line per trial: the learning curves a pruner compared. Pruned trials are drawn in their own colour, so it shows
/// where the pruner stopped them and whether a stopped curve could have caught up.</summary>
internal static class IntermediateValuesPlot
{
    public static Plot? Create(StudyData study)
    {
        var curves = study.IntermediateValues.Where(kv => kv.Value.Count > 0).OrderBy(kv => kv.Key).ToArray();
        if (curves.Length == 0) return null;
        var status = study.Trials.ToDictionary(t => t.Id, t => t.Status);
        var plot = new Plot();
        var legendDone = new HashSet<bool>();
        foreach (var (id, values) in curves)
        {
            var pruned = status.GetValueOrDefault(id) == TrialStatus.Pruned;
            var line = plot.Add.Scatter(values.Select(v => v.Step).ToArray(), values.Select(v => v.Value).ToArray());
            line.Color = (pruned ? PlotStyle.ColorOf(3) : PlotStyle.ColorOf(0)).WithAlpha(0.7);
            line.LineWidth = 1.5f;
            line.MarkerSize = 3;
            if (legendDone.Add(pruned)) line.LegendText = pruned ? "pruned" : "not pruned";
        }
        plot.Title($"{study.Name}: intermediate values ({curves.Length} trials)");
        plot.XLabel("step");
        plot.YLabel("reported value");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
