using ScottPlot;

namespace Microsoft.ML.NasTuners.Visualization;

/// <summary>What every plot shares, the review's and a study's: its size, one colour per series (for the review, a
/// tuner by its place in the condition's list, so it keeps its colour across a condition's plots), the colour scale
/// of a value, and the log-scale axis.</summary>
internal static class PlotStyle
{
    public const int Width = 900;
    public const int Height = 560;

    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    public static Color ColorOf(int tunerIndex) => Palette.GetColor(tunerIndex);

    private static readonly IColormap Scale = new ScottPlot.Colormaps.Viridis();

    /// <summary>The colour of a value scaled to [0, 1] (0 dark purple, 1 yellow): a loss or a trial number.</summary>
    public static Color ColorOfFraction(double fraction) => Scale.GetColor(double.IsFinite(fraction) ? Math.Clamp(fraction, 0, 1) : 0);

    /// <summary>Shows the left axis as powers of ten: the data must already be log10 values (ScottPlot 5 draws log
    /// scales that way).</summary>
    public static void LogLeftAxis(Plot plot) => plot.Axes.Left.TickGenerator = LogTicks();

    /// <summary>The bottom axis as powers of ten, as <see cref="LogLeftAxis"/>.</summary>
    public static void LogBottomAxis(Plot plot) => plot.Axes.Bottom.TickGenerator = LogTicks();

    private static ScottPlot.TickGenerators.NumericAutomatic LogTicks()
    {
        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => $"1e{y:0}",
        };
        return ticks;
    }

    /// <summary>log10 of a regret, floored so that a regret of zero (the optimum found) stays on the plot.</summary>
    public static double Log(double regret) => Math.Log10(Math.Max(regret, 1e-10));

    /// <summary>Saves <paramref name="plot"/> as a PNG and returns the path.</summary>
    public static string Save(Plot plot, string path)
    {
        plot.SavePng(path, Width, Height);
        return path;
    }

    /// <summary>The plot as PNG bytes, at the shared size.</summary>
    public static byte[] Png(Plot plot) => plot.GetImageBytes(Width, Height, ImageFormat.Png);
}
