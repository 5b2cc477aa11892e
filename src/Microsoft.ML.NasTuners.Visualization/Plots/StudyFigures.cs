namespace Microsoft.ML.NasTuners.Visualization;

/// <summary>Every plot a study has, in the report's order; a plot with nothing to show (no pruning reports, no
/// budgets, parallel trials for the proposal time) is left out.</summary>
internal static class StudyFigures
{
    public const string History = "optimization-history.png";
    public const string Parallel = "parallel-coordinates.png";
    public const string Importance = "parameter-importance.png";
    public const string Intermediate = "intermediate-values.png";
    public const string Budgets = "loss-by-budget.png";
    public const string ProposalTime = "proposal-time.png";

    public static string SliceFile(string parameter) => $"slice-{Slug(parameter)}.png";

    public static IReadOnlyList<StudyFigure> All(StudyData study, IReadOnlyList<ParameterImportanceScore> importance)
    {
        var figures = new List<StudyFigure>();
        Add(figures, History, "Optimisation history", "Each trial's loss and the best loss so far.", OptimizationHistoryPlot.Create(study));
        Add(figures, Parallel, "Parallel coordinates", "One line per trial across the parameters, coloured by loss (dark = low).", ParallelCoordinatePlot.Create(study));
        Add(figures, Importance, "Parameter importance", "Permutation importance on a random forest of the losses (see the table).", ImportancePlot.Create(study, importance));
        foreach (var (column, plot) in SlicePlot.Create(study))
            Add(figures, SliceFile(column.Name), $"Slice: {column.Name}", $"The loss against {column.Name}, coloured by trial (dark = early).", plot);
        Add(figures, Intermediate, "Intermediate values", "The values trials reported while they ran; pruned trials in red.", IntermediateValuesPlot.Create(study));
        Add(figures, Budgets, "Loss by budget", "Each configuration's loss at each budget it ran at.", BudgetCurvePlot.Create(study));
        Add(figures, ProposalTime, "Proposal time", "The time from one trial's end to the next one's start: the tuner's proposal and the store's writes.", ProposalTimePlot.Create(study));
        return figures;
    }

    private static void Add(List<StudyFigure> figures, string file, string title, string caption, ScottPlot.Plot? plot)
    {
        if (plot is not null) figures.Add(new StudyFigure(file, title, caption, plot));
    }

    // A parameter name as a file name: letters, digits, '-' and '_' kept, anything else (':' '.' '/') as '_'.
    private static string Slug(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
