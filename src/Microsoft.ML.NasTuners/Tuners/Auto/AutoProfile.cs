namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>What <see cref="AutoTuner"/>'s rules read: the shape of the space's model view and the experiment's
/// settings, taken once when the tuner is built.</summary>
internal sealed record AutoProfile(
    int Dimensions,
    bool HasConditions,
    int LargestChoiceCount,
    bool HasArchitecture,
    BudgetRange? Budgets,
    int? MaxTrials,
    int DegreeOfParallelism)
{
    /// <summary>True when trials may run at a budget below the full one.</summary>
    public bool IsMultiFidelity => Budgets is { } b && b.Min < b.Max;

    public static AutoProfile Read(SearchSpace space, AutoTunerOptions options)
    {
        var view = space.ModelView;
        var largestChoice = view.Dimensions.Where(d => d.Kind == DimensionKind.Categorical)
            .Select(d => d.ChoiceCount).DefaultIfEmpty(0).Max();
        return new AutoProfile(view.Count, view.HasConditions, largestChoice, options.Architecture is not null,
            options.Budgets, options.MaxTrials, options.DegreeOfParallelism);
    }
}
