using ScottPlot;

namespace Microsoft.ML.NasTuners.Benchmarks.Review;

/// <summary>What every review plot shares: its size, one colour per tuner (by its place in the condition's list, so a
/// tuner keeps its colour across a condition's plots), and the log-scale axis.</summary>
internal static class PlotStyle
{
    public const int Width = 900;
    public const int Height = 560;

    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    public static Color ColorOf(int tunerIndex) => Palette.GetColor(tunerIndex);

    /// <summary>Shows the left axis as powers of ten: the data must already be log10 values (ScottPlot 5 draws log
    /// scales that way).</summary>
    public static void LogLeftAxis(Plot plot)
    {
        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => $"1e{y:0}",
        };
        plot.Axes.Left.TickGenerator = ticks;
    }

    /// <summary>log10 of a regret, floored so that a regret of zero (the optimum found) stays on the plot.</summary>
    public static double Log(double regret) => Math.Log10(Math.Max(regret, 1e-10));

    /// <summary>Saves <paramref name="plot"/> as a PNG and returns the path.</summary>
    public static string Save(Plot plot, string path)
    {
        plot.SavePng(path, Width, Height);
        return path;
    }
}
