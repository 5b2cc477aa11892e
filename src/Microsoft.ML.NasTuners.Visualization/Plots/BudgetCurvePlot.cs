using ScottPlot;

namespace Microsoft.ML.NasTuners.Visualization;

/// <summary>A multi-fidelity study's losses against the budget they were measured at, one line per configuration
/// (<see cref="Storage.StudyTrial.ConfigId"/>) that ran at several budgets: which configurations a successive-halving
/// tuner promoted, and whether the low budgets ranked them as the full one did.</summary>
internal static class BudgetCurvePlot
{
    public static Plot? Create(StudyData study)
    {
        var withBudget = StudyTrials.WithLoss(study).Where(t => t.Budget is not null).ToArray();
        if (withBudget.Length == 0) return null;
        var plot = new Plot();
        var configurations = withBudget.Where(t => t.ConfigId is not null).GroupBy(t => t.ConfigId!.Value)
            .Where(g => g.Select(t => t.Budget).Distinct().Count() > 1).ToArray();
        foreach (var configuration in configurations)
        {
            var points = configuration.OrderBy(t => t.Budget).ToArray();
            var line = plot.Add.Scatter(points.Select(t => t.Budget!.Value).ToArray(), points.Select(t => t.Loss).ToArray());
            line.Color = PlotStyle.ColorOf(0).WithAlpha(0.5);
            line.LineWidth = 1.5f;
            line.MarkerSize = 4;
        }
        // The configurations run at one budget only, as points: most of a Hyperband bracket's first rung.
        var single = withBudget.Where(t => t.ConfigId is null || !configurations.Any(g => g.Key == t.ConfigId)).ToArray();
        if (single.Length > 0)
        {
            var points = plot.Add.ScatterPoints(single.Select(t => t.Budget!.Value).ToArray(), single.Select(t => t.Loss).ToArray());
            points.Color = PlotStyle.ColorOf(7).WithAlpha(0.5);
            points.MarkerSize = 4;
            points.LegendText = "run at one budget only";
            plot.ShowLegend(Alignment.UpperRight);
        }
        plot.Title($"{study.Name}: loss by budget ({configurations.Length} configurations at several budgets)");
        plot.XLabel("budget");
        plot.YLabel("loss");
        return plot;
    }
}
