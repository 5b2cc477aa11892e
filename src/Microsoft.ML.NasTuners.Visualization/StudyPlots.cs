namespace Microsoft.ML.NasTuners.Visualization;

/// <summary>
/// A study's plots as PNG files (900 x 560): the optimisation history, parallel coordinates, a slice per parameter,
/// the parameter importance, the intermediate values trials reported, the losses by budget of a multi-fidelity study,
/// and the proposal time. Each method returns the path it wrote, or null when the study has nothing for that plot
/// (no trial with a loss, no reports, no budgets, trials that ran in parallel for the proposal time).
/// </summary>
public static class StudyPlots
{
    /// <summary>Each trial's loss against its id, and the best loss so far.</summary>
    public static string? WriteOptimizationHistory(StudyData study, string path) => Save(OptimizationHistoryPlot.Create(Check(study)), path);

    /// <summary>One line per trial across one axis per parameter, coloured by loss.</summary>
    public static string? WriteParallelCoordinates(StudyData study, string path) => Save(ParallelCoordinatePlot.Create(Check(study)), path);

    /// <summary>The loss against each parameter, one file per parameter in <paramref name="folder"/>
    /// (<c>slice-&lt;parameter&gt;.png</c>); the paths written.</summary>
    public static IReadOnlyList<string> WriteSlices(StudyData study, string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);
        return SlicePlot.Create(Check(study))
            .Select(s => SaveAndDispose(s.Plot, Path.Combine(folder, StudyFigures.SliceFile(s.Column.Name))))
            .ToArray();
    }

    /// <summary>The parameter importance of <see cref="ParameterImportance.Compute"/> as bars.</summary>
    public static string? WriteParameterImportance(StudyData study, string path, int seed = 0) =>
        Save(ImportancePlot.Create(Check(study), ParameterImportance.Compute(study, seed)), path);

    /// <summary>The values each trial reported while it ran, against their step; pruned trials in their own colour.</summary>
    public static string? WriteIntermediateValues(StudyData study, string path) => Save(IntermediateValuesPlot.Create(Check(study)), path);

    /// <summary>A multi-fidelity study's losses against their budget, one line per configuration.</summary>
    public static string? WriteLossByBudget(StudyData study, string path) => Save(BudgetCurvePlot.Create(Check(study)), path);

    /// <summary>The time from each trial's end to the next one's start (the proposal), for trials that ran one at a time.</summary>
    public static string? WriteProposalTime(StudyData study, string path) => Save(ProposalTimePlot.Create(Check(study)), path);

    /// <summary>Every plot the study has into <paramref name="folder"/>, under fixed names
    /// (<c>optimization-history.png</c>, ...); the paths written.</summary>
    public static IReadOnlyList<string> WriteAll(StudyData study, string folder, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);
        return StudyFigures.All(Check(study), ParameterImportance.Compute(study, seed))
            .Select(f => SaveAndDispose(f.Plot, Path.Combine(folder, f.FileName)))
            .ToArray();
    }

    private static StudyData Check(StudyData study) => study ?? throw new ArgumentNullException(nameof(study));

    private static string? Save(ScottPlot.Plot? plot, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (plot is null) return null;
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder) Directory.CreateDirectory(folder);
        return SaveAndDispose(plot, path);
    }

    // A plot holds native drawing resources (SkiaSharp); once written it is not needed.
    private static string SaveAndDispose(ScottPlot.Plot plot, string path)
    {
        using (plot) return PlotStyle.Save(plot, path);
    }
}
