using ScottPlot;

namespace Microsoft.ML.NasTuners.Visualization;

/// <summary>One plot of a study, with the file name it is written under and the words the report puts beside it.</summary>
internal sealed record StudyFigure(string FileName, string Title, string Caption, Plot Plot)
{
    public byte[] Png() => PlotStyle.Png(Plot);
}
